package cc.chitty.connect.hub.mcp;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One MCP tool as the catalogue declares it: its name, title, description, client hints and schemas, the
 * capability it runs (whose scope and rate tier it takes, by capability id), and what it does — in every case a
 * call of that capability's route.
 *
 * @param outputSchema the schema of the answer, for tools whose answer the hub builds (then the result carries it
 *                     as structured content); null otherwise
 */
record HubTool(String name, String title, String description, McpCatalogue.Annotations annotations,
        Map<String, Object> inputSchema, Map<String, Object> outputSchema, String capability, Action action) {

    @FunctionalInterface
    interface Action {
        /** Runs the tool on arguments that passed its schema; the answer is JSON text. */
        String run(JsonNode arguments, Caller caller) throws Exception;
    }
}
