package cc.chitty.connect.hub.mcp;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One MCP tool: its name, description and input schema, the REST operation it stands for (whose scope it needs),
 * and what it does — in every case a call of the capability route that operation calls.
 *
 * @param mint whether the call counts in the {@code chittyid_mint} rate tier rather than {@code mcp_tools}
 */
record HubTool(String name, String description, Map<String, Object> inputSchema, String method, String path,
        boolean mint, Action action) {

    @FunctionalInterface
    interface Action {
        /** Runs the tool on arguments that passed its schema; the answer is JSON text. */
        String run(JsonNode arguments, Caller caller) throws Exception;
    }
}
