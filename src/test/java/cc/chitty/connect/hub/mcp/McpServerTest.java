package cc.chitty.connect.hub.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MCP door driven by the MCP Java SDK's own client, over stateless Streamable HTTP at /mcp and over the
 * legacy HTTP+SSE transport, against the WireMock stand-ins.
 */
class McpServerTest extends HubIntegrationTest {

    private static final McpJsonMapper JSON_MAPPER = new JacksonMcpJsonMapper(new ObjectMapper());

    /** The catalogue's 12 tools: the original's 11, and the later original's chitty_id_validate. */
    static final List<String> CATALOGUE_TOOLS = List.of("chittyid_mint", "chitty_id_validate",
            "chitty_contextual_analyze", "chitty_case_create", "chitty_chronicle_log", "chitty_evidence_ingest",
            "chitty_sync_trigger", "chitty_services_status", "chitty_registry_discover", "chitty_finance_connect_bank",
            "notion_query", "openai_chat");

    /** A working call of every tool but evidence ingest, whose call needs the file host ({@link #evidenceCall()}). */
    static final Map<String, Map<String, Object>> CALLS = Map.ofEntries(
            Map.entry("chittyid_mint", Map.of("entity", "PEO", "metadata", Map.of("name", "Ada"))),
            // a wrong checksum, answered by the hub itself: ChittyID's own verdicts are tested over REST
            Map.entry("chitty_id_validate", Map.of("chittyid", "03-1-USA-5537-P-2602-0-39")),
            Map.entry("chitty_contextual_analyze", Map.of("text", "The tenant has not paid rent since March.")),
            Map.entry("chitty_case_create", Map.of("title", "Unpaid rent", "caseType", "eviction")),
            Map.entry("chitty_chronicle_log", Map.of("eventType", "test.event", "data", Map.of("k", "v"))),
            Map.entry("chitty_sync_trigger", Map.of("source", "notion", "target", "chittycases")),
            Map.entry("chitty_services_status", Map.of()),
            Map.entry("chitty_registry_discover", Map.of()),
            Map.entry("chitty_finance_connect_bank", Map.of("provider", "plaid", "publicToken", "public-sandbox-1")),
            Map.entry("notion_query", Map.of("databaseId", "db-1", "sorts", List.of(Map.of("property", "Name",
                    "direction", "ascending")))),
            Map.entry("openai_chat", Map.of("messages", List.of(Map.of("role", "user", "content", "hello")))));

    static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    static final String LEASE = "%PDF-1.4 lease agreement";
    /** hub.mcp.evidence-fetch.max-size of the test profile. */
    static final int EVIDENCE_CAP = 1024 * 1024;

    /** An https file host on loopback, its certificate signed by the CA the test configuration trusts. */
    static final WireMockServer FILES = startFileHost();

    private static WireMockServer startFileHost() {
        WireMockServer files = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .httpDisabled(true).dynamicHttpsPort()
                .keystorePath("src/test/resources/evidence-files/keystore.p12").keystoreType("PKCS12")
                .keystorePassword("changeit").keyManagerPassword("changeit"));
        files.start();
        files.stubFor(get(urlPathEqualTo("/cases/CASE-1/lease.pdf")).willReturn(aResponse()
                .withHeader("Content-Type", "application/pdf").withBody(LEASE)));
        files.stubFor(get(urlPathEqualTo("/at-the-cap.pdf")).willReturn(aResponse()
                .withHeader("Content-Type", "application/pdf").withBody(new byte[EVIDENCE_CAP])));
        files.stubFor(get(urlPathEqualTo("/too-big.pdf")).willReturn(aResponse()
                .withHeader("Content-Type", "application/pdf").withBody(new byte[EVIDENCE_CAP + 1])));
        // chunked, so no Content-Length announces the size
        files.stubFor(get(urlPathEqualTo("/too-big-streamed.pdf")).willReturn(aResponse()
                .withHeader("Content-Type", "application/pdf").withBody(new byte[EVIDENCE_CAP + 1])
                .withChunkedDribbleDelay(4, 20)));
        files.stubFor(get(urlPathEqualTo("/moved.pdf")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://127.0.0.1:" + files.httpsPort() + "/cases/CASE-1/lease.pdf")));
        Runtime.getRuntime().addShutdownHook(new Thread(files::stop));
        return files;
    }

    /** The evidence tool's working call: the lease on the file host, which starts after the constants above. */
    private static Map<String, Object> evidenceCall() {
        return Map.of("fileUrl", "https://127.0.0.1:" + FILES.httpsPort() + "/cases/CASE-1/lease.pdf",
                "caseId", "CASE-1", "metadata", Map.of("page", 1));
    }

    private McpSyncClient streamable(String key) {
        return connect(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + publicPort()).endpoint("/mcp")
                .jsonMapper(JSON_MAPPER)
                .httpRequestCustomizer((request, method, uri, body, context) -> request.header("X-ChittyOS-API-Key",
                        key))
                .build());
    }

    private McpSyncClient legacySse(String key) {
        return connect(HttpClientSseClientTransport.builder("http://127.0.0.1:" + publicPort()).sseEndpoint("/mcp/sse")
                .jsonMapper(JSON_MAPPER)
                .httpRequestCustomizer((request, method, uri, body, context) -> request.header("X-ChittyOS-API-Key",
                        key))
                .build());
    }

    private static McpSyncClient connect(McpClientTransport transport) {
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20))
                .jsonSchemaValidator(new ArgumentSchemas(new ObjectMapper())).build();
        client.initialize();
        return client;
    }

    private static JsonNode json(McpSchema.CallToolResult result) {
        return parse(((McpSchema.TextContent) result.content().get(0)).text());
    }

    private static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    @Test
    void streamableHttpNegotiatesTheNewestVersionsAndListsTheCatalogueTools() {
        try (McpSyncClient client = streamable(newKey())) {
            assertThat(client.getCurrentInitializationResult().protocolVersion()).isIn("2025-11-25", "2025-06-18");
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrderElementsOf(CATALOGUE_TOOLS);
            assertThat(client.ping()).isNotNull();
        }
    }

    @Test
    void theWholeCatalogueAnswersOverStreamableHttp() {
        try (McpSyncClient client = streamable(newKey())) {
            theWholeCatalogueAnswers(client);
        }
    }

    @Test
    void theWholeCatalogueAnswersOverLegacySse() {
        try (McpSyncClient client = legacySse(newKey())) {
            theWholeCatalogueAnswers(client);
        }
    }

    /** What the "done" asks of each transport: every tool called, every resource read, every prompt got. */
    private void theWholeCatalogueAnswers(McpSyncClient client) {
        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                .containsExactlyInAnyOrderElementsOf(CATALOGUE_TOOLS);
        Map<String, Map<String, Object>> calls = new java.util.HashMap<>(CALLS);
        calls.put("chitty_evidence_ingest", evidenceCall());
        assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(CATALOGUE_TOOLS);
        calls.forEach((tool, arguments) -> {
            McpSchema.CallToolResult result = call(client, tool, arguments);
            assertThat(result.isError()).as(tool + ": " + result.content()).isFalse();
            assertThat(json(result).isObject()).as(tool).isTrue();
        });
        StandIns.of("chittyevidence").verify(postRequestedFor(urlPathEqualTo("/api/ingest")));

        assertThat(client.listResources().resources()).extracting(McpSchema.Resource::uri)
                .containsExactlyInAnyOrder("chitty://services/status", "chitty://registry/services",
                        "chitty://context/awareness");
        client.listResources().resources().forEach(resource -> assertThat(parse(((McpSchema.TextResourceContents)
                client.readResource(resource).contents().get(0)).text()).isObject()).as(resource.uri()).isTrue());

        assertThat(client.listPrompts().prompts()).extracting(McpSchema.Prompt::name).containsExactlyInAnyOrder(
                "mint-and-log-identity", "open-case-from-description", "ecosystem-health-report");
        McpSchema.GetPromptResult mint = client.getPrompt(new McpSchema.GetPromptRequest("mint-and-log-identity",
                Map.of("entity", "PEO", "name", "Ada")));
        assertThat(((McpSchema.TextContent) mint.messages().get(0).content()).text())
                .contains("chittyid_mint", "chitty_chronicle_log", "\"entity\": \"PEO\"");
        McpSchema.GetPromptResult openCase = client.getPrompt(new McpSchema.GetPromptRequest(
                "open-case-from-description", Map.of("description", "Landlord kept the deposit")));
        assertThat(((McpSchema.TextContent) openCase.messages().get(0).content()).text())
                .contains("chitty_case_create", "Landlord kept the deposit");
        McpSchema.GetPromptResult health = client.getPrompt(new McpSchema.GetPromptRequest(
                "ecosystem-health-report", Map.of()));
        McpSchema.EmbeddedResource live = (McpSchema.EmbeddedResource) health.messages().get(0).content();
        assertThat(((McpSchema.TextResourceContents) live.resource()).text()).contains("contextConsciousness");
    }

    @Test
    void mintThroughMcpIsTheRestCapabilityAuditedForTheKey() {
        JsonNode created = createKey("mcp-minter", "chittyid:mint");
        try (McpSyncClient client = streamable(created.get("key").asText())) {
            JsonNode minted = json(call(client, "chittyid_mint", CALLS.get("chittyid_mint")));
            assertThat(minted.path("chittyId").asText()).isNotBlank();
            StandIns.of("chittyid").verify(postRequestedFor(urlPathEqualTo("/v1/mint"))
                    .withHeader("Authorization", equalTo("Bearer " + UPSTREAM_TOKEN))
                    .withRequestBody(matchingJsonPath("$.metadata.name", equalTo("Ada"))));
            Integer audited = jdbc().sql("select count(*) from audit_log where actor = ? and target = ?")
                    .params("key:" + created.get("id").asText(), minted.get("chittyId").asText())
                    .query(Integer.class).single();
            assertThat(audited).isEqualTo(1);
        }
    }

    @Test
    void parametersTheOriginalIgnoredNowWork() {
        try (McpSyncClient client = streamable(newKey())) {
            JsonNode legal = json(call(client, "chitty_registry_discover", Map.of("serviceType", "legal")));
            assertThat(legal.path("services")).extracting(s -> s.path("id").asText()).containsExactly("chittycases");
            JsonNode minting = json(call(client, "chitty_registry_discover", Map.of("capabilities", List.of("mint"))));
            assertThat(minting.path("services")).extracting(s -> s.path("id").asText()).containsExactly("chittyid");

            JsonNode summary = json(call(client, "chitty_services_status", Map.of()));
            assertThat(summary.path("services").path("chittyid").asText()).isEqualTo("healthy");
            JsonNode detailed = json(call(client, "chitty_services_status", Map.of("detailed", true)));
            assertThat(detailed.path("services").path("chittyid").path("url").asText()).startsWith("http");

            call(client, "openai_chat", CALLS.get("openai_chat"));
            StandIns.of("openai").verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                    .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4"))));
            call(client, "notion_query", CALLS.get("notion_query"));
            StandIns.of("notion").verify(postRequestedFor(urlPathMatching("/v1/databases/db-1/query"))
                    .withRequestBody(matchingJsonPath("$.sorts[0].property", equalTo("Name"))));
        }
    }

    @Test
    void awarenessRatesTheEcosystemAsTheServicesStatusDoes() {
        try (McpSyncClient client = streamable(newKey())) {
            JsonNode awareness = parse(((McpSchema.TextResourceContents) client.readResource(
                    new McpSchema.ReadResourceRequest("chitty://context/awareness")).contents().get(0)).text());
            JsonNode status = json(call(client, "chitty_services_status", Map.of("detailed", true)));
            assertThat(awareness.path("contextConsciousness").path("ecosystemHealth").asText())
                    .isEqualTo(status.path("ecosystemHealth").path("rating").asText());
            assertThat(awareness.path("contextConsciousness").path("registeredServices").asInt()).isEqualTo(3);
        }
    }

    @Test
    void aPromptWithoutItsRequiredArgumentIsInvalidParamsNamingIt() {
        try (McpSyncClient client = streamable(newKey())) {
            assertThatThrownBy(() -> client.getPrompt(new McpSchema.GetPromptRequest("mint-and-log-identity",
                    Map.of()))).isInstanceOfSatisfying(McpError.class, e -> {
                        assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
                        assertThat(e.getJsonRpcError().message()).contains("entity");
                    });
        }
    }

    @Test
    void openingACaseOffersTheCaseTypesTheCaseToolAccepts() {
        try (McpSyncClient client = streamable(newKey())) {
            McpSchema.GetPromptResult open = client.getPrompt(new McpSchema.GetPromptRequest(
                    "open-case-from-description", Map.of("description", "Landlord kept the deposit")));
            assertThat(((McpSchema.TextContent) open.messages().get(0).content()).text())
                    .contains("eviction, litigation, resolution, general");
            assertThat(client.getPrompt(new McpSchema.GetPromptRequest("open-case-from-description",
                    Map.of("description", "d", "caseType", "EVICTION"))).messages()).isNotEmpty();
            assertThatThrownBy(() -> client.getPrompt(new McpSchema.GetPromptRequest("open-case-from-description",
                    Map.of("description", "d", "caseType", "custody")))).isInstanceOfSatisfying(McpError.class, e -> {
                        assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
                        assertThat(e.getJsonRpcError().message()).contains("caseType");
                    });
        }
    }

    @Test
    void unknownToolAndBadArgumentsAreJsonRpcErrorsNamingTheField() {
        try (McpSyncClient client = streamable(newKey())) {
            assertThatThrownBy(() -> call(client, "no_such_tool", Map.of()))
                    .isInstanceOfSatisfying(McpError.class, e ->
                            assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS));
            assertThatThrownBy(() -> call(client, "chittyid_mint", Map.of("entity", "DOG")))
                    .isInstanceOfSatisfying(McpError.class, e -> {
                        assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
                        assertThat(e.getJsonRpcError().message()).contains("entity");
                    });
            assertThatThrownBy(() -> call(client, "chitty_case_create", Map.of("title", "x")))
                    .isInstanceOfSatisfying(McpError.class, e ->
                            assertThat(e.getJsonRpcError().message()).contains("caseType"));
            // the original's tools took objects here; a string would reach the upstream as one
            assertThatThrownBy(() -> call(client, "chitty_chronicle_log", Map.of("eventType", "e", "data", "v")))
                    .isInstanceOfSatisfying(McpError.class, e ->
                            assertThat(e.getJsonRpcError().message()).contains("data"));
            assertThatThrownBy(() -> call(client, "chitty_contextual_analyze", Map.of("text", "t", "context", "c")))
                    .isInstanceOfSatisfying(McpError.class, e ->
                            assertThat(e.getJsonRpcError().message()).contains("context"));
        }
    }

    @Test
    void upstreamFailuresAreToolErrorsWithTheirClassAndNoInternals() {
        try (McpSyncClient client = streamable(newKey())) {
            McpSchema.CallToolResult broken = call(client, "chitty_sync_trigger",
                    Map.of("source", "broken", "target", "x"));
            assertThat(broken.isError()).isTrue();
            assertThat(json(broken).path("errorClass").asText()).isEqualTo("server");
            assertThat(json(broken).path("upstreamStatus").asInt()).isEqualTo(500);

            McpSchema.CallToolResult limited = call(client, "chitty_contextual_analyze", Map.of("text", "trigger-429"));
            assertThat(limited.isError()).isTrue();
            assertThat(json(limited).path("errorClass").asText()).isEqualTo("rate_limit");
            assertThat(limited.content().toString()).doesNotContain("Exception", "at cc.", UPSTREAM_TOKEN);
        }
    }

    @Test
    void evidenceIsFetchedFromTheAllowedHostAndStreamedToTheCapability() {
        try (McpSyncClient client = streamable(newKey())) {
            McpSchema.CallToolResult result = call(client, "chitty_evidence_ingest", evidenceCall());
            assertThat(result.isError()).as(result.content().toString()).isFalse();
            assertThat(json(result).path("evidenceId").asText()).isEqualTo("EV-2026-000123");
        }
        LoggedRequest upload = StandIns.of("chittyevidence").findAll(postRequestedFor(urlPathEqualTo("/api/ingest")))
                .get(0);
        assertThat(upload.getPart("caseId").getBody().asString()).isEqualTo("CASE-1");
        assertThat(upload.getPart("file").getBody().asString()).isEqualTo(LEASE);
        assertThat(upload.getPart("file").getHeader("Content-Disposition").firstValue()).contains("lease.pdf");
    }

    @Test
    void evidenceIsFetchedOnlyOverHttpsFromAllowedPublicHosts() {
        try (McpSyncClient client = streamable(newKey())) {
            assertRefused(client, "http://evidence.example.org/a.pdf", "https");
            assertRefused(client, "https://files.elsewhere.example/a.pdf", "allowed-hosts");
            assertRefused(client, "https://127.0.0.2:" + port + "/health", "loopback");
            assertRefused(client, "https://127.0.0.1:" + FILES.httpsPort() + "/moved.pdf", "redirect");
        }
        assertThat(EvidenceFetcher.isNonPublic(address("10.1.2.3"))).isTrue();
        assertThat(EvidenceFetcher.isNonPublic(address("169.254.169.254"))).isTrue();
        assertThat(EvidenceFetcher.isNonPublic(address("fd00::1"))).isTrue();
        assertThat(EvidenceFetcher.isNonPublic(address("100.64.0.1"))).isTrue();
        assertThat(EvidenceFetcher.isNonPublic(address("93.184.216.34"))).isFalse();
    }

    @Test
    void aMalformedCaseIdIsRefusedBeforeTheFileIsFetched() {
        String fileUrl = "https://127.0.0.1:" + FILES.httpsPort() + "/cases/traversal/never-fetched.pdf";
        try (McpSyncClient client = streamable(newKey())) {
            for (String caseId : List.of("../../admin", "a..b", "case 1", "x".repeat(129))) {
                assertThatThrownBy(() -> call(client, "chitty_evidence_ingest", Map.of("fileUrl", fileUrl,
                        "caseId", caseId))).as(caseId).isInstanceOfSatisfying(McpError.class, e -> {
                            assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
                            assertThat(e.getJsonRpcError().message()).contains("caseId");
                        });
            }
        }
        FILES.verify(0, getRequestedFor(urlPathEqualTo("/cases/traversal/never-fetched.pdf")));
    }

    @Test
    void evidenceLargerThanTheCapIsRefused() {
        try (McpSyncClient client = streamable(newKey())) {
            String files = "https://127.0.0.1:" + FILES.httpsPort();
            assertThat(call(client, "chitty_evidence_ingest", Map.of("fileUrl", files + "/at-the-cap.pdf",
                    "caseId", "CASE-1")).isError()).isFalse();
            assertRefused(client, files + "/too-big.pdf", "larger than the limit of " + EVIDENCE_CAP + " bytes");
            assertRefused(client, files + "/too-big-streamed.pdf",
                    "larger than the limit of " + EVIDENCE_CAP + " bytes");
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(McpSyncClient client, String fileUrl, String reason) {
        assertThatThrownBy(() -> call(client, "chitty_evidence_ingest", Map.of("fileUrl", fileUrl, "caseId", "c-1")))
                .isInstanceOfSatisfying(McpError.class, e -> {
                    assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
                    assertThat(e.getJsonRpcError().message()).contains("fileUrl").contains(reason);
                });
    }

    @Test
    void mcpNeedsAKeyAndAnAllowedOrigin() {
        HttpResponse<String> anonymous = send(request("/mcp").header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(initialize())).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer"));
        assertThat(send(request("/mcp/sse").GET().build()).statusCode()).isEqualTo(401);

        String key = newKey();
        HttpResponse<String> foreign = mcpPost(key, initialize(), "Origin", "https://evil.example.com");
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<String> allowed = send(request("/mcp").header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("Authorization", "Bearer " + key)
                .header("Origin", "http://localhost:" + publicPort())
                .POST(HttpRequest.BodyPublishers.ofString(initialize())).build());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(parse(allowed.body()).path("result").path("protocolVersion").asText()).isEqualTo("2025-06-18");
    }

    @Test
    void aRevokedKeyIs403AndAnUnknownMethodIsMethodNotFound() {
        JsonNode created = createKey("mcp-revoked");
        String key = created.get("key").asText();
        HttpResponse<String> unknownMethod = mcpPost(key, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"no/such\"}");
        assertThat(parse(unknownMethod.body()).path("error").path("code").asInt())
                .isEqualTo(McpSchema.ErrorCodes.METHOD_NOT_FOUND);

        asOperator(request("/admin/api-keys/" + created.get("id").asText() + "/revoke")
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> revoked = mcpPost(key, initialize());
        assertThat(revoked.statusCode()).isEqualTo(403);
        assertThat(parse(revoked.body()).path("title").asText()).isEqualTo("API key is inactive");
    }

    @Test
    void paramsOfTheWrongShapeAreInvalidParamsNotAServerError() {
        String key = newKey();
        for (String params : new String[] {"{\"name\":\"chittyid_mint\",\"arguments\":\"PEO\"}",
                "{\"name\":[\"chittyid_mint\"]}"}) {
            HttpResponse<String> answer = mcpPost(key,
                    "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":" + params + "}");

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(parse(answer.body()).path("id").asInt()).isEqualTo(9);
            assertThat(parse(answer.body()).path("error").path("code").asInt())
                    .isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
            assertThat(answer.body()).doesNotContain("Jackson", "java.");
        }
    }

    @Test
    void aKeyWithoutTheToolsScopeIsRefused() {
        try (McpSyncClient client = streamable(createKey("reader", "registry:read").get("key").asText())) {
            assertThat(call(client, "chitty_registry_discover", Map.of()).isError()).isFalse();
            assertThatThrownBy(() -> call(client, "chittyid_mint", Map.of("entity", "PEO")))
                    .isInstanceOfSatisfying(McpError.class, e -> {
                        assertThat(e.getJsonRpcError().code()).isEqualTo(McpErrors.INSUFFICIENT_SCOPE);
                        assertThat(e.getJsonRpcError().message()).contains("chittyid:mint");
                    });
        }
    }

    @Test
    void mintToolCallsTakeTheMintTier() {
        String key = createKey(Map.of("name", "mcp-mint-tier", "scopes", List.of("*"))).get("key").asText();
        try (McpSyncClient client = streamable(key)) {
            for (int i = 0; i < 10; i++) {
                assertThat(call(client, "chittyid_mint", Map.of("entity", "PEO")).isError()).isFalse();
            }
            assertThatThrownBy(() -> call(client, "chittyid_mint", Map.of("entity", "PEO")))
                    .isInstanceOfSatisfying(McpError.class, e -> {
                        assertThat(e.getJsonRpcError().code()).isEqualTo(McpErrors.RATE_LIMITED);
                        assertThat(e.getJsonRpcError().data().toString()).contains("chittyid_mint");
                    });
            // another tool still has its own tier
            assertThat(call(client, "chitty_registry_discover", Map.of()).isError()).isFalse();
        }
    }

    @Test
    void theToolTierRefusesThe31stCallOfAMinuteButNotAMint() {
        String key = createKey(Map.of("name", "mcp-tool-tier", "scopes", List.of("*"))).get("key").asText();
        try (McpSyncClient client = streamable(key)) {
            for (int i = 0; i < 30; i++) {
                assertThat(call(client, "chitty_registry_discover", Map.of()).isError()).as("call " + (i + 1))
                        .isFalse();
            }
            assertThatThrownBy(() -> call(client, "chitty_services_status", Map.of()))
                    .isInstanceOfSatisfying(McpError.class, e -> {
                        assertThat(e.getJsonRpcError().code()).isEqualTo(McpErrors.RATE_LIMITED);
                        assertThat(e.getJsonRpcError().data().toString()).contains("mcp_tools");
                    });
            assertThat(call(client, "chittyid_mint", Map.of("entity", "PEO")).isError()).isFalse();
        }
    }

    @Test
    void anExpiredKeyIs403OnMcp() {
        JsonNode created = createKey("mcp-expired");
        expire(created);

        HttpResponse<String> expired = mcpPost(created.get("key").asText(), initialize());
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(parse(expired.body()).path("title").asText()).isEqualTo("API key has expired");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-26", "2025-06-18", "2025-11-25"})
    void initializeNegotiatesTheVersionTheClientAsksFor(String version) {
        String key = newKey();
        HttpResponse<String> initialized = mcpPost(key, initialize(version));
        assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
        assertThat(parse(initialized.body()).path("result").path("protocolVersion").asText()).isEqualTo(version);

        HttpResponse<String> listed = mcpPost(key, TOOLS_LIST,
                "MCP-Protocol-Version", version);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(parse(listed.body()).path("result").path("tools")).hasSize(CATALOGUE_TOOLS.size());
    }

    @Test
    void anUnsupportedProtocolVersionHeaderIs400WithAJsonRpcError() {
        for (String version : new String[] {"2024-11-05", "1999-01-01"}) {
            HttpResponse<String> answer = mcpPost(newKey(), TOOLS_LIST,
                    "MCP-Protocol-Version", version);
            assertThat(answer.statusCode()).as(version).isEqualTo(400);
            JsonNode error = parse(answer.body()).path("error");
            assertThat(error.path("code").asInt()).isEqualTo(McpSchema.ErrorCodes.INVALID_REQUEST);
            assertThat(error.path("message").asText()).contains("MCP-Protocol-Version", "2025-11-25");
        }
    }

    @Test
    void theOriginalsRestEndpointsKeepTheirShapes() {
        String key = newKey();
        JsonNode manifest = parse(send(request("/mcp/manifest").GET().build()).body());
        assertThat(manifest.path("schema_version").asText()).isEqualTo("2024-11-05");
        assertThat(manifest.path("capabilities").path("prompts").asBoolean()).isTrue();

        JsonNode tools = parse(send(request("/mcp/tools/list").header("X-ChittyOS-API-Key", key).GET().build())
                .body());
        assertThat(tools.path("tools")).extracting(t -> t.path("name").asText())
                .containsExactlyInAnyOrderElementsOf(CATALOGUE_TOOLS);

        HttpResponse<String> called = postJson("/mcp/tools/call", key,
                "{\"name\":\"chitty_registry_discover\",\"arguments\":{\"serviceType\":\"identity\"}}");
        assertThat(called.statusCode()).isEqualTo(200);
        assertThat(called.headers().firstValue("RateLimit-Policy")).hasValueSatisfying(v -> assertThat(v)
                .contains("mcp_tools"));
        JsonNode content = parse(called.body()).path("content").get(0);
        assertThat(content.path("type").asText()).isEqualTo("text");
        assertThat(parse(content.path("text").asText()).path("count").asInt()).isEqualTo(1);

        assertThat(postJson("/mcp/tools/call", key, "{}").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = postJson("/mcp/tools/call", key, "{\"name\":\"nope\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(parse(unknown.body()).path("error").asText()).isEqualTo("Unknown tool: nope");
        HttpResponse<String> failed = postJson("/mcp/tools/call", key,
                "{\"name\":\"chitty_sync_trigger\",\"arguments\":{\"source\":\"broken\",\"target\":\"x\"}}");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(parse(failed.body()).path("isError").asBoolean()).isTrue();

        JsonNode resources = parse(send(request("/mcp/resources/list").header("X-ChittyOS-API-Key", key).GET()
                .build()).body());
        assertThat(resources.path("resources")).hasSize(3);
        HttpResponse<String> read = send(request("/mcp/resources/read?uri=chitty://registry/services")
                .header("X-ChittyOS-API-Key", key).GET().build());
        assertThat(parse(read.body()).path("contents").get(0).path("mimeType").asText()).isEqualTo("application/json");
        assertThat(send(request("/mcp/resources/read").header("X-ChittyOS-API-Key", key).GET().build())
                .statusCode()).isEqualTo(400);
        assertThat(send(request("/mcp/resources/read?uri=chitty://nope").header("X-ChittyOS-API-Key", key).GET()
                .build()).statusCode()).isEqualTo(404);
        assertThat(send(request("/mcp/tools/list").GET().build()).statusCode()).isEqualTo(401);
    }

    /** A raw JSON-RPC POST to /mcp with the key, as curl would send it, plus header name/value pairs. */
    private HttpResponse<String> mcpPost(String key, String body, String... headers) {
        HttpRequest.Builder post = request("/mcp").header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("X-ChittyOS-API-Key", key);
        for (int i = 0; i < headers.length; i += 2) {
            post.header(headers[i], headers[i + 1]);
        }
        return send(post.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String initialize() {
        return initialize("2025-06-18");
    }

    private static String initialize(String version) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}";
    }
}
