package cc.chitty.connect.hub.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Resources and prompts are gated as tools are: the scopes of everything they show, and the rate tier. */
class McpResourceScopesTest extends HubIntegrationTest {

    private static final String AWARENESS = "chitty://context/awareness";

    @Test
    void theAwarenessResourceIsNotShownToAKeyThatMayNotReadTheRegistry() {
        String servicesOnly = createKey("services-only", "services:read").get("key").asText();

        JsonNode refused = rpc(servicesOnly, "resources/read", Map.of("uri", AWARENESS));
        assertThat(refused.at("/error/code").asInt()).as(refused.toString()).isEqualTo(McpErrors.INSUFFICIENT_SCOPE);
        assertThat(refused.at("/error/message").asText()).contains("registry:read");

        String both = createKey("services-and-registry", "services:read", "registry:read").get("key").asText();
        JsonNode read = rpc(both, "resources/read", Map.of("uri", AWARENESS));
        assertThat(read.at("/result/contents/0/text").asText()).contains("contextConsciousness");
    }

    @Test
    void theHealthReportPromptIsNotShownToAKeyThatMayNotReadTheRegistry() {
        String servicesOnly = createKey("services-only-prompt", "services:read").get("key").asText();

        JsonNode refused = rpc(servicesOnly, "prompts/get", Map.of("name", "ecosystem-health-report"));
        assertThat(refused.at("/error/code").asInt()).as(refused.toString()).isEqualTo(McpErrors.INSUFFICIENT_SCOPE);
        assertThat(refused.at("/error/message").asText()).contains("registry:read");
    }

    @Test
    void resourceReadsAndPromptsSpendTheToolTier() {
        String key = createKey(Map.of("name", "resource-tier", "scopes", List.of("registry:read"))).get("key")
                .asText();
        for (int i = 0; i < 20; i++) {
            JsonNode read = rpc(key, "resources/read", Map.of("uri", "chitty://registry/services"));
            assertThat(read.has("result")).as("read %d: %s", i + 1, read).isTrue();
        }
        for (int i = 0; i < 10; i++) {
            JsonNode prompt = rpc(key, "prompts/get", Map.of("name", "mint-and-log-identity",
                    "arguments", Map.of("entity", "PEO")));
            assertThat(prompt.has("result")).as("prompt %d: %s", i + 1, prompt).isTrue();
        }

        JsonNode read = rpc(key, "resources/read", Map.of("uri", "chitty://registry/services"));
        assertThat(read.at("/error/code").asInt()).as(read.toString()).isEqualTo(McpErrors.RATE_LIMITED);
        assertThat(read.at("/error/data").toString()).contains("mcp_tools");
        JsonNode prompt = rpc(key, "prompts/get", Map.of("name", "mint-and-log-identity",
                "arguments", Map.of("entity", "PEO")));
        assertThat(prompt.at("/error/code").asInt()).as(prompt.toString()).isEqualTo(McpErrors.RATE_LIMITED);
    }

    /** One JSON-RPC request to the stateless /mcp endpoint, as a client sends it; the JSON-RPC answer. */
    private JsonNode rpc(String key, String method, Map<String, Object> params) {
        String body = json(Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", params));
        return parse(send(request("/mcp").header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("X-ChittyOS-API-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).body());
    }
}
