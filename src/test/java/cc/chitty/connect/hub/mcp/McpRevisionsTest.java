package cc.chitty.connect.hub.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import cc.chitty.connect.hub.support.AuthenticatedClient;
import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport;
import io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both generations of MCP on one {@code /mcp}, against the running hub: revision 2026-07-28 through the Java SDK
 * 2.2.0's own client ({@code server/discover}, {@code tools/call}), 2025-11-25 through its {@code initialize}
 * client, and raw HTTP for what a client library would not send (headers that disagree with the body, an unknown
 * version, a request without {@code _meta}).
 */
class McpRevisionsTest extends HubIntegrationTest {

    private static final McpJsonMapper JSON_MAPPER = new JacksonMcpJsonMapper(new ObjectMapper());
    private static final String META = "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    private McpSyncClient modern(String key) {
        return McpClient.sync(HttpClientMcpTransport.builder("http://127.0.0.1:" + publicPort() + "/mcp")
                .jsonMapper(JSON_MAPPER)
                .requestCustomizer(McpHttpRequestCustomizer.fromSync((request, headers, context) ->
                        headers.set("X-ChittyOS-API-Key", key)))
                .build()).jsonMapper(JSON_MAPPER).callTimeout(Duration.ofSeconds(20)).build();
    }

    private io.modelcontextprotocol.client.McpSyncClient initialized(String key) {
        io.modelcontextprotocol.client.McpSyncClient client = io.modelcontextprotocol.client.McpClient.sync(
                HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + publicPort()).endpoint("/mcp")
                        .jsonMapper(JSON_MAPPER).httpRequestCustomizer((request, method, uri, body, context) ->
                                request.header("X-ChittyOS-API-Key", key)).build())
                .requestTimeout(Duration.ofSeconds(20)).jsonSchemaValidator(new ArgumentSchemas(new ObjectMapper()))
                .build();
        client.initialize();
        return client;
    }

    @Autowired
    private McpCatalogue catalogue;
    @Autowired
    private CamelContext camel;
    @Autowired
    private ModernToolCall modernToolCall;

    @Test
    void aToolWhoseCapabilityIsAGetIsReadOnly() {
        Map<String, String> verbs = new java.util.HashMap<>();
        ((ModelCamelContext) camel).getRestDefinitions().forEach(rest -> rest.getVerbs().forEach(verb -> {
            if (verb.getTo() != null) {
                verbs.put(verb.getTo().getUri().replace("direct:", ""), verb.asVerb());
            }
        }));
        assertThat(catalogue.tools()).allSatisfy(tool -> {
            if ("get".equals(verbs.get(tool.capability()))) {
                assertThat(tool.annotations().readOnlyHint()).as(tool.name()).isTrue();
            }
            if (!Boolean.TRUE.equals(tool.annotations().readOnlyHint())) {
                assertThat(tool.annotations().idempotentHint()).as(tool.name() + ": MCP calls carry no "
                        + "idempotency key").isFalse();
            }
        });
    }

    @Test
    void aModernClientDiscoversTheHubAndCallsItsTools() {
        McpSyncClient client = modern(newKey());
        McpSchema.DiscoverResult discovered = client.discover();
        assertThat(discovered.supportedVersions()).containsExactly("2026-07-28", "2025-11-25", "2025-06-18",
                "2025-03-26");
        assertThat(discovered.capabilities().tools()).isNotNull();
        assertThat(discovered.capabilities().resources()).isNotNull();
        assertThat(discovered.capabilities().prompts()).isNotNull();

        McpSchema.ListToolsResult tools = client.tools().list();
        assertThat(tools.tools()).extracting(McpSchema.Tool::name)
                .containsExactlyInAnyOrderElementsOf(McpServerTest.CATALOGUE_TOOLS);
        assertThat(tools.ttlMs()).isPositive();
        assertThat(tools.cacheScope()).isEqualTo(McpSchema.CacheScope.PRIVATE);
        McpSchema.Tool statusTool = tools.tools().stream().filter(t -> t.name().equals("chitty_services_status"))
                .findFirst().orElseThrow();
        assertThat(statusTool.title()).isEqualTo("ChittyOS services status");
        assertThat(statusTool.annotations().readOnlyHint()).isTrue();
        assertThat(statusTool.outputSchema()).containsKey("properties");
        McpSchema.Tool mint = tools.tools().stream().filter(t -> t.name().equals("chittyid_mint")).findFirst()
                .orElseThrow();
        assertThat(mint.annotations().readOnlyHint()).isFalse();
        assertThat(mint.annotations().idempotentHint()).isFalse();

        McpSchema.CallToolResult legal = client.tool("chitty_registry_discover")
                .arguments(Map.of("serviceType", "legal")).call();
        assertThat(legal.isError()).isFalse();
        assertThat(JSON.valueToTree(legal.structuredContent()).path("count").asInt()).isEqualTo(1);
        McpSchema.CallToolResult status = client.tool("chitty_services_status").call();
        assertThat(status.isError()).as(status.toString()).isFalse();
        assertThat(JSON.valueToTree(status.structuredContent()).at("/ecosystemHealth/rating").isTextual()).isTrue();
        assertThat(((McpSchema.TextContent) status.content().get(0)).text()).contains("ecosystemHealth");

        McpSchema.ReadResourceResult read = client.resource("chitty://registry/services").read();
        assertThat(((McpSchema.TextResourceContents) read.contents().get(0)).text()).contains("chittyid");
        assertThat(client.resources().list().resources()).hasSize(3);
        assertThat(client.prompts().list().prompts()).hasSize(3);
        McpSchema.GetPromptResult prompt = client.prompt("mint-and-log-identity")
                .arguments(Map.of("entity", "PEO")).get();
        assertThat(((McpSchema.TextContent) prompt.messages().get(0).content()).text()).contains("chittyid_mint");
    }

    @Test
    void a2025_11_25ClientInitializesAndCallsATool() {
        try (io.modelcontextprotocol.client.McpSyncClient client = initialized(newKey())) {
            assertThat(client.getCurrentInitializationResult().protocolVersion()).isEqualTo("2025-11-25");
            io.modelcontextprotocol.spec.McpSchema.Tool status = client.listTools().tools().stream()
                    .filter(t -> t.name().equals("chitty_services_status")).findFirst().orElseThrow();
            assertThat(status.title()).isEqualTo("ChittyOS services status");
            assertThat(status.annotations().readOnlyHint()).isTrue();
            io.modelcontextprotocol.spec.McpSchema.CallToolResult result = client.callTool(
                    new io.modelcontextprotocol.spec.McpSchema.CallToolRequest("chitty_services_status", Map.of()));
            assertThat(result.isError()).isFalse();
            assertThat(JSON.valueToTree(result.structuredContent()).path("ecosystemHealth").has("rating")).isTrue();
        }
    }

    @Test
    void chittyIdValidationIsAToolWithStructuredContentForKeysThatMayRead() {
        String reader = createKey("chittyid-reader", "chittyid:read").get("key").asText();
        McpSyncClient modern = modern(reader);
        List<McpSchema.Tool> listed = modern.tools().list().tools();
        assertThat(listed).extracting(McpSchema.Tool::name).containsExactly("chitty_id_validate");
        McpSchema.Tool validate = listed.get(0);
        assertThat(validate.title()).isEqualTo("Validate a ChittyID");
        assertThat(validate.annotations().readOnlyHint()).isTrue();
        assertThat(validate.annotations().idempotentHint()).isTrue();
        assertThat(validate.outputSchema()).containsKey("properties");

        // an id of no known shape: the hub's own verdict, ChittyID is not asked
        var chittyid = StandIns.of("chittyid");
        McpSchema.CallToolResult refused = modern.tool("chitty_id_validate")
                .arguments(Map.of("chittyid", "not-a-chittyid")).call();
        assertThat(refused.isError()).as(refused.toString()).isFalse();
        assertThat((JsonNode) JSON.valueToTree(refused.structuredContent()))
                .isEqualTo(parse("{\"chittyid\":\"not-a-chittyid\",\"valid\":false,\"reason\":\"format\","
                        + "\"checkedBy\":\"hub\"}"));
        chittyid.verify(0, postRequestedFor(urlPathEqualTo("/v1/validate")));

        // the canonical shape with a wrong checksum, at 2025-11-25: refused by the hub too (the service's own
        // verdicts fit the output schema as well: McpCatalogueTest)
        try (io.modelcontextprotocol.client.McpSyncClient client = initialized(reader)) {
            io.modelcontextprotocol.spec.McpSchema.CallToolResult judged = client.callTool(
                    new io.modelcontextprotocol.spec.McpSchema.CallToolRequest("chitty_id_validate",
                            Map.of("chittyid", "03-1-USA-5537-P-2602-0-39")));
            assertThat(judged.isError()).as(judged.toString()).isFalse();
            JsonNode verdict = JSON.valueToTree(judged.structuredContent());
            assertThat(verdict.path("reason").asText()).isEqualTo("checksum");
            assertThat(parse(((io.modelcontextprotocol.spec.McpSchema.TextContent) judged.content().get(0)).text()))
                    .isEqualTo(verdict);
        }
        chittyid.verify(0, postRequestedFor(urlPathEqualTo("/v1/validate")));

        HttpResponse<String> legacyRest = postJson("/mcp/tools/call", reader,
                "{\"name\":\"chitty_id_validate\",\"arguments\":{\"chittyid\":\"not-a-chittyid\"}}");
        assertThat(legacyRest.statusCode()).isEqualTo(200);
        assertThat(parse(parse(legacyRest.body()).at("/content/0/text").asText()).path("checkedBy").asText())
                .isEqualTo("hub");
        String minter = createKey("chittyid-minter-only", "chittyid:mint").get("key").asText();
        assertThat(modern(minter).tools().list().tools()).extracting(McpSchema.Tool::name)
                .containsExactly("chittyid_mint");
    }

    @Test
    void eachGenerationListsOnlyTheToolsTheKeysScopesAllow() {
        String registryOnly = createKey("registry-only-lister", "registry:read").get("key").asText();
        assertThat(modern(registryOnly).tools().list().tools()).extracting(McpSchema.Tool::name)
                .containsExactly("chitty_registry_discover");
        try (io.modelcontextprotocol.client.McpSyncClient client = initialized(registryOnly)) {
            assertThat(client.listTools().tools()).extracting(io.modelcontextprotocol.spec.McpSchema.Tool::name)
                    .containsExactly("chitty_registry_discover");
        }
        JsonNode legacyRest = parse(apiGet("/mcp/tools/list", registryOnly).body());
        assertThat(legacyRest.path("tools")).extracting(t -> t.path("name").asText())
                .containsExactly("chitty_registry_discover");
        // listed or not, calling a tool the key may not use is refused with the scope it lacks
        HttpResponse<String> mint = modernPost(registryOnly, "tools/call", "chittyid_mint",
                "{\"name\":\"chittyid_mint\",\"arguments\":{\"entity\":\"PEO\"},\"_meta\":" + META + "}");
        assertThat(parse(mint.body()).at("/error/code").asInt()).as(mint.body())
                .isEqualTo(McpErrors.INSUFFICIENT_SCOPE);
    }

    @Test
    void everyModernResultSaysItsTypeAndListsSayHowLongToKeepThem() {
        String key = newKey();
        JsonNode discovered = parse(modernPost(key, "server/discover", null, "{\"_meta\":" + META + "}").body());
        assertThat(discovered.at("/result/resultType").asText()).isEqualTo("complete");
        JsonNode listed = parse(modernPost(key, "tools/list", null, "{\"_meta\":" + META + "}").body());
        assertThat(listed.at("/result/resultType").asText()).isEqualTo("complete");
        assertThat(listed.at("/result/ttlMs").asLong()).isEqualTo(300_000);
        assertThat(listed.at("/result/cacheScope").asText()).isEqualTo("private");
        JsonNode prompts = parse(modernPost(key, "prompts/list", null, "{\"_meta\":" + META + "}").body());
        assertThat(prompts.at("/result/cacheScope").asText()).isEqualTo("public");
        JsonNode called = parse(modernPost(key, "tools/call", "chitty_services_status",
                "{\"name\":\"chitty_services_status\",\"arguments\":{},\"_meta\":" + META + "}").body());
        assertThat(called.at("/result/resultType").asText()).as(called.toString()).isEqualTo("complete");
        assertThat(called.at("/result/structuredContent/ecosystemHealth/rating").isTextual()).isTrue();
    }

    @Test
    void headersThatDisagreeWithTheBodyAreRejected() {
        String key = newKey();
        HttpResponse<String> method = modernPost(key, "tools/list", "chitty_services_status",
                "{\"name\":\"chitty_services_status\",\"_meta\":" + META + "}", "tools/call");
        assertThat(method.statusCode()).isEqualTo(400);
        assertThat(parse(method.body()).at("/error/code").asInt()).isEqualTo(McpSchema.ErrorCodes.HEADER_MISMATCH);

        HttpResponse<String> name = modernPost(key, "tools/call", "chittyid_mint",
                "{\"name\":\"chitty_services_status\",\"arguments\":{},\"_meta\":" + META + "}");
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(parse(name.body()).at("/error/code").asInt()).isEqualTo(McpSchema.ErrorCodes.HEADER_MISMATCH);
        assertThat(parse(name.body()).at("/error/message").asText()).contains("Mcp-Name");
    }

    @Test
    void aModernRequestWithoutMetaOrWithAnUnknownVersionIsRefused() {
        String key = newKey();
        HttpResponse<String> noMeta = modernPost(key, "tools/list", null, "{}");
        assertThat(noMeta.statusCode()).isEqualTo(400);
        assertThat(parse(noMeta.body()).at("/error/code").asInt()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
        assertThat(parse(noMeta.body()).at("/error/message").asText()).contains("_meta");

        HttpResponse<String> unknown = post(key, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\","
                + "\"params\":{\"_meta\":" + META.replace("2026-07-28", "2099-01-01") + "}}",
                "Mcp-Method", "tools/list", "MCP-Protocol-Version", "2099-01-01");
        assertThat(unknown.statusCode()).isEqualTo(400);
        JsonNode error = parse(unknown.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(McpSchema.ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION);
        assertThat(error.toString()).contains("2026-07-28");
    }

    @Test
    void aDiscoverWithoutTheVersionHeaderReachesTheNewRevisionWhichAsksForIt() {
        HttpResponse<String> answer = post(newKey(), "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"server/discover\","
                + "\"params\":{\"_meta\":" + META + "}}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(parse(answer.body()).at("/error/code").asInt()).isEqualTo(McpSchema.ErrorCodes.HEADER_MISMATCH);
        assertThat(parse(answer.body()).at("/error/message").asText()).contains("Mcp-Method");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-26", "2025-06-18"})
    void olderInitializeClientsStillCallTools(String version) {
        String key = newKey();
        HttpResponse<String> initialized = post(key, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"" + version + "\",\"capabilities\":{},\"clientInfo\":{\"name\":"
                + "\"curl\",\"version\":\"1\"}}}");
        assertThat(parse(initialized.body()).at("/result/protocolVersion").asText()).isEqualTo(version);
        HttpResponse<String> called = post(key, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"chitty_registry_discover\",\"arguments\":{}}}", "MCP-Protocol-Version",
                version);
        assertThat(called.statusCode()).as(called.body()).isEqualTo(200);
        assertThat(parse(called.body()).at("/result/isError").asBoolean()).isFalse();
        assertThat(parse(called.body()).at("/result/resultType").isMissingNode()).isTrue();
    }

    @Test
    void aOnePostToolCallWithoutASessionIsAnsweredAsJsonRpc() {
        String reader = createKey("one-post-reader", "registry:read").get("key").asText();
        String call = "{\"jsonrpc\":\"2.0\",\"id\":\"c-1\",\"method\":\"tools/call\",\"params\":";

        HttpResponse<String> called = post(reader, call + "{\"name\":\"chitty_registry_discover\"}}",
                "MCP-Protocol-Version", "2025-11-25");
        assertThat(called.statusCode()).as(called.body()).isEqualTo(200);
        assertThat(called.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(called.headers().firstValue("Mcp-Session-Id")).isEmpty();
        JsonNode answer = parse(called.body());
        assertThat(answer.path("id").asText()).isEqualTo("c-1");
        assertThat(answer.at("/result/isError").asBoolean()).isFalse();
        assertThat(parse(answer.at("/result/content/0/text").asText()))
                .isEqualTo(answer.at("/result/structuredContent"));

        JsonNode refused = parse(post(reader, call + "{\"name\":\"chittyid_mint\",\"arguments\":{\"entity\":"
                + "\"PEO\"}}}").body());
        assertThat(refused.path("id").asText()).isEqualTo("c-1");
        assertThat(refused.at("/error/code").asInt()).isEqualTo(McpErrors.INSUFFICIENT_SCOPE);
        assertThat(refused.at("/error/data/requiredScope").asText()).isEqualTo("chittyid:mint");

        JsonNode invalid = parse(post(reader, call + "{\"name\":\"chitty_registry_discover\",\"arguments\":"
                + "{\"capabilities\":\"mint\"}}}").body());
        assertThat(invalid.at("/error/code").asInt()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
        assertThat(invalid.at("/error/data/errors/0/field").asText()).contains("capabilities");

        JsonNode unknown = parse(post(reader, call + "{\"name\":\"no_such_tool\"}}").body());
        assertThat(unknown.at("/error/code").asInt()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
        assertThat(unknown.at("/error/message").asText()).contains("Unknown tool");
    }

    @Test
    void aModernToolCallIsAnsweredByTheHubExactlyAsTheSdkAnswersIt() {
        String reader = createKey("modern-direct", "registry:read").get("key").asText();
        // a retry (input responses) is left to the SDK: its answer to the same call is the reference
        for (String[] call : List.of(
                new String[] {"chitty_registry_discover", "{}"},
                new String[] {"chitty_registry_discover", "{\"capabilities\":\"mint\"}"},
                new String[] {"chittyid_mint", "{\"entity\":\"PEO\"}"})) {
            String params = "{\"name\":\"" + call[0] + "\",\"arguments\":" + call[1] + ",\"_meta\":" + META;
            HttpResponse<String> direct = modernPost(reader, "tools/call", call[0], params + "}");
            HttpResponse<String> sdk = modernPost(reader, "tools/call", call[0],
                    params + ",\"inputResponses\":{}}");
            assertThat(direct.statusCode()).as(call[0] + " " + call[1]).isEqualTo(sdk.statusCode());
            assertThat(direct.headers().firstValue("Content-Type"))
                    .isEqualTo(sdk.headers().firstValue("Content-Type"));
            assertThat(direct.body()).isEqualTo(sdk.body());
        }
    }

    @Test
    void onlyAToolCallShapedAsTheRevisionSaysIsAnsweredWithoutTheSdk() throws Exception {
        String plain = "{\"name\":\"chitty_registry_discover\",\"_meta\":" + META + "}";
        MockHttpServletResponse answered = new MockHttpServletResponse();
        assertThat(modernToolCall.answer(toolCall(plain, "chitty_registry_discover"), parse(
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":" + plain + "}"),
                answered)).isTrue();
        JsonNode result = parse(answered.getContentAsString());
        assertThat(result.at("/result/resultType").asText()).as(result.toString()).isEqualTo("complete");
        assertThat(result.at("/result/_meta/io.modelcontextprotocol~1serverInfo/name").asText())
                .isEqualTo("chittyconnect");

        String base64Name = "=?base64?" + java.util.Base64.getEncoder().encodeToString(
                "chitty_registry_discover".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "?=";
        assertThat(takes(plain, base64Name)).isTrue();
        assertThat(takes(plain, "chittyid_mint")).isFalse();
        assertThat(takes(plain.replace("\"_meta\"", "\"requestState\":\"x\",\"_meta\""), null)).isFalse();
        assertThat(takes(plain.replace("\"_meta\"", "\"inputResponses\":{},\"_meta\""), null)).isFalse();
        assertThat(takes(plain.replace(",\"io.modelcontextprotocol/clientCapabilities\":{}", ""), null)).isFalse();
        assertThat(takes(plain.replace("{}}", "{},\"io.modelcontextprotocol/clientInfo\":7}"), null)).isFalse();
        assertThat(takes(plain.replace("{}}", "{},\"io.modelcontextprotocol/progressToken\":1}"), null)).isFalse();
        assertThat(takes(plain.replace("chitty_registry_discover", "no_such_tool"), "no_such_tool")).isFalse();
        MockHttpServletRequest twoMethods = toolCall(plain, "chitty_registry_discover");
        twoMethods.addHeader("Mcp-Method", "tools/call");
        assertThat(takes(twoMethods, plain)).isFalse();
        MockHttpServletRequest text = toolCall(plain, "chitty_registry_discover");
        text.setContentType("text/plain");
        assertThat(takes(text, plain)).isFalse();
    }

    /** Whether the hub answers the call itself; when it does not, it must have written nothing. */
    private boolean takes(String params, String mcpName) throws Exception {
        return takes(toolCall(params, mcpName == null ? "chitty_registry_discover" : mcpName), params);
    }

    private boolean takes(MockHttpServletRequest request, String params) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean taken = modernToolCall.answer(request, parse(
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":" + params + "}"), response);
        if (!taken) {
            assertThat(response.getContentAsByteArray()).isEmpty();
            assertThat(response.isCommitted()).isFalse();
        }
        return taken;
    }

    private static MockHttpServletRequest toolCall(String params, String mcpName) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
        request.setContentType("application/json");
        request.addHeader("MCP-Protocol-Version", "2026-07-28");
        request.addHeader("Mcp-Method", "tools/call");
        request.addHeader("Mcp-Name", mcpName);
        request.setUserPrincipal(new AuthenticatedClient("key:reader", List.of("registry:read")));
        request.setContent(params.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return request;
    }

    /** A 2026-07-28 request as the revision shapes it: Mcp-Method (or the one given), Mcp-Name, the version. */
    private HttpResponse<String> modernPost(String key, String method, String name, String params,
            String... methodHeader) {
        List<String> headers = new java.util.ArrayList<>(List.of("MCP-Protocol-Version", "2026-07-28",
                "Mcp-Method", methodHeader.length > 0 ? methodHeader[0] : method));
        if (name != null) {
            headers.addAll(List.of("Mcp-Name", name));
        }
        return post(key, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"" + method + "\",\"params\":" + params + "}",
                headers.toArray(String[]::new));
    }

    private HttpResponse<String> post(String key, String body, String... headers) {
        HttpRequest.Builder post = request("/mcp").header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("X-ChittyOS-API-Key", key);
        for (int i = 0; i < headers.length; i += 2) {
            post.header(headers[i], headers[i + 1]);
        }
        return send(post.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
