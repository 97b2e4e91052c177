package cc.chitty.connect.hub.mcp;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One MCP tool: its name, description and input schema, the capability it runs (whose scope and rate tier it
 * takes, by capability id), and what it does — in every case a call of that capability's route.
 */
record HubTool(String name, String description, Map<String, Object> inputSchema, String capability,
        Action action) {

    @FunctionalInterface
    interface Action {
        /** Runs the tool on arguments that passed its schema; the answer is JSON text. */
        String run(JsonNode arguments, Caller caller) throws Exception;
    }
}
