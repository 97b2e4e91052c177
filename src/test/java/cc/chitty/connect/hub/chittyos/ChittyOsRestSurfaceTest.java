package cc.chitty.connect.hub.chittyos;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

/** The original's REST operations on their original paths, each against its service's stand-in. */
class ChittyOsRestSurfaceTest extends HubIntegrationTest {

    @Test
    void casesAreCreatedReadAndUpdatedAndAnUnknownCaseIs404() {
        String key = newKey();

        HttpResponse<String> created = postJson("/api/chittycases/create", key,
                "{\"title\":\"Eviction of unit 4B\",\"caseType\":\"eviction\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(parse(created.body()).at("/case/title").asText()).isEqualTo("Eviction of unit 4B");
        assertThat(apiGet("/api/chittycases/CASE-2026-0001", key).statusCode()).isEqualTo(200);
        assertThat(send(request("/api/chittycases/CASE-2026-0001").header("X-ChittyOS-API-Key", key)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"closed\"}")).build()).statusCode())
                .isEqualTo(200);
        assertFault(apiGet("/api/chittycases/CASE-404", key), 404, "not_found");
        HttpResponse<String> invalid = postJson("/api/chittycases/create", key,
                "{\"title\":\"x\",\"caseType\":\"divorce\"}");
        assertFault(invalid, 400, "validation");
        assertThat(parse(invalid.body()).get("errors").findValuesAsText("field")).containsExactly("caseType");
    }

    @Test
    void authVerifyAndRefreshKeepTheServicesRefusals() {
        String key = newKey();

        assertThat(postJson("/api/chittyauth/verify", key, "{\"token\":\"good\"}").statusCode()).isEqualTo(200);
        assertFault(postJson("/api/chittyauth/verify", key, "{\"token\":\"expired-token\"}"), 401,
                "authentication");
        assertThat(postJson("/api/chittyauth/refresh", key, "{\"refreshToken\":\"rt\"}").statusCode()).isEqualTo(200);
        assertFault(postJson("/api/chittyauth/refresh", key, "{\"refreshToken\":\"revoked\"}"), 400, "validation");
    }

    @Test
    void financeAccountsBalancesTransactionsAndAnAuditedBankConnection() {
        String key = newKey();

        assertThat(parse(apiGet("/api/chittyfinance/accounts", key).body()).get("accounts")).hasSize(2);
        assertThat(parse(apiGet("/api/chittyfinance/account/balance?accountId=acc-1", key).body())
                .get("accountId").asText()).isEqualTo("acc-1");
        assertFault(apiGet("/api/chittyfinance/account/balance?accountId=acc-404", key), 404, "not_found");
        HttpResponse<String> noAccount = apiGet("/api/chittyfinance/account/balance", key);
        assertFault(noAccount, 400, "validation");
        assertThat(parse(noAccount.body()).get("errors").findValuesAsText("field")).containsExactly("accountId");
        assertThat(postJson("/api/chittyfinance/transactions", key, "{\"accountId\":\"acc-2\"}").statusCode())
                .isEqualTo(200);
        assertFault(postJson("/api/chittyfinance/transactions", key, "{\"accountId\":\"acc-down\"}"), 502,
                "server");
        StandIns.of("chittyfinance").verify(1, postRequestedFor(urlPathEqualTo("/api/transactions"))
                .withRequestBody(matchingJsonPath("$[?(@.accountId == 'acc-down')]")));
        HttpResponse<String> connected = send(request("/api/chittyfinance/banking/connect")
                .header("X-ChittyOS-API-Key", key).header("Content-Type", "application/json")
                .header("X-Request-ID", "bank-connect-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"provider\":\"plaid\",\"publicToken\":\"pt\"}")).build());
        assertThat(connected.statusCode()).isEqualTo(201);
        assertFault(postJson("/api/chittyfinance/banking/connect", key,
                "{\"provider\":\"stripe\",\"publicToken\":\"bad-token\"}"), 422, "validation");
        assertThat(asOperator(request("/admin/audit?operation=chittyfinance.connect").GET()).body())
                .contains("bank-connect-1");
    }

    @Test
    void contextualFillsTheDefaultAnalysisAndGivesUpOnAPersistentRateLimit() {
        String key = newKey();

        HttpResponse<String> analyzed = postJson("/api/chittycontextual/analyze", key, "{\"text\":\"Ada signed.\"}");
        assertThat(parse(analyzed.body()).get("analysisType").asText()).isEqualTo("comprehensive");
        assertThat(postJson("/api/chittycontextual/extract", key, "{\"text\":\"Ada\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> limited = postJson("/api/chittycontextual/analyze", key, "{\"text\":\"trigger-429\"}");
        assertFault(limited, 429, "rate_limit");
        // a 429 is retried after its Retry-After, up to the attempt limit
        StandIns.of("chittycontextual").verify(3, postRequestedFor(urlPathEqualTo("/api/analyze"))
                .withRequestBody(matchingJsonPath("$[?(@.text == 'trigger-429')]")));
    }

    @Test
    void chronicleLogsWithADefaultTimestampAndQueriesPassOnlyNamedParameters() {
        String key = newKey();

        assertThat(postJson("/api/chittychronicle/log", key, "{\"eventType\":\"case.opened\",\"data\":{}}")
                .statusCode()).isEqualTo(201);
        StandIns.of("chittychronicle").verify(postRequestedFor(urlPathEqualTo("/api/entries"))
                .withRequestBody(matchingJsonPath("$.timestamp")));
        assertThat(apiGet("/api/chittychronicle/query?entityId=E%201&injected=x", key).statusCode()).isEqualTo(200);
        StandIns.of("chittychronicle").verify(getRequestedFor(urlPathEqualTo("/api/entries"))
                .withQueryParam("entityId", WireMock.equalTo("E 1")).withQueryParam("limit", WireMock.equalTo("100"))
                .withoutQueryParam("injected"));
        assertThat(apiGet("/api/chittychronicle/timeline/03-1-USA-5537-P-2602-0-38", key).statusCode()).isEqualTo(200);
        assertFault(apiGet("/api/chittychronicle/timeline/none", key), 404, "not_found");
    }

    @Test
    void syncStartsFollowsAndReportsUpstreamFailures() {
        String key = newKey();

        HttpResponse<String> started = postJson("/api/chittysync/sync", key, "{\"source\":\"notion\",\"target\":\"x\"}");
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(parse(started.body()).get("mode").asText()).isEqualTo("incremental");
        assertThat(apiGet("/api/chittysync/status/sync-55", key).statusCode()).isEqualTo(200);
        assertFault(apiGet("/api/chittysync/status/sync-404", key), 404, "not_found");
        assertThat(apiGet("/api/chittysync/history?source=notion", key).statusCode()).isEqualTo(200);
        StandIns.of("chittysync").verify(getRequestedFor(urlPathEqualTo("/api/history"))
                .withQueryParam("limit", WireMock.equalTo("50")));
        assertFault(postJson("/api/chittysync/sync", key, "{\"source\":\"broken\",\"target\":\"x\"}"), 502, "server");
    }

    @Test
    void registryListsAndLooksUpServices() {
        String key = newKey();

        JsonNode services = parse(apiGet("/api/registry/services", key).body()).get("services");
        assertThat(services).hasSize(3);
        assertThat(apiGet("/api/registry/services/chittyid", key).statusCode()).isEqualTo(200);
        assertFault(apiGet("/api/registry/services/nosuch", key), 404, "not_found");
        assertFault(apiGet("/api/registry/services/a..b", key), 400, "validation");
    }

    @Test
    void chittyIdValidationAsksTheService() {
        HttpResponse<String> checked = postJson("/api/chittyid/validate", newKey(),
                "{\"chittyid\":\"03-1-USA-5537-P-2602-0-38\"}");

        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(parse(checked.body()).get("valid").asBoolean()).isTrue();
    }

    @Test
    void theRegistryListIsCachedAcrossRequestsAndServedStaleWhenTheRegistryFails() {
        String key = newKey();
        var registry = StandIns.of("chittyregistry");
        apiGet("/api/registry/services", key);
        registry.resetRequests();

        HttpResponse<String> cached = apiGet("/api/registry/services", key);
        assertThat(cached.headers().firstValue("X-Cache")).hasValue("HIT");
        registry.verify(0, getRequestedFor(urlPathEqualTo("/api/services")));

        registry.stubFor(WireMock.get(urlPathEqualTo("/api/services")).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(500)));
        HttpResponse<String> stale = sixMinutesLater(() -> apiGet("/api/registry/services", key));

        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.headers().firstValue("X-Cache")).hasValue("STALE");
        assertThat(parse(stale.body()).get("services")).hasSize(3);
        registry.verify(3, getRequestedFor(urlPathEqualTo("/api/services")));
    }

    @org.springframework.beans.factory.annotation.Autowired
    private RegistryDiscovery registryDiscovery;

    /** Runs the call with the registry cache's clock past its 5 minute lifetime. */
    private <T> T sixMinutesLater(java.util.function.Supplier<T> call) {
        Object clock = org.springframework.test.util.ReflectionTestUtils.getField(registryDiscovery, "clock");
        org.springframework.test.util.ReflectionTestUtils.setField(registryDiscovery, "clock",
                java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(6)));
        try {
            return call.get();
        } finally {
            org.springframework.test.util.ReflectionTestUtils.setField(registryDiscovery, "clock", clock);
        }
    }
}
