package cc.chitty.connect.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Platform-http maps query parameters into the same message headers as the request's headers: a query string must
 * never become a response header, nor stand in for a header the doors set (the audit's caller).
 */
class QueryParameterHeadersTest extends HubIntegrationTest {

    @Test
    void aCacheControlQueryParameterNeverMarksAnAuthenticatedAnswerCacheable() {
        String key = newKey();

        for (String path : List.of("/api/health", "/api/registry/services")) {
            HttpResponse<String> answer = apiGet(path + "?Cache-Control=public,max-age=86400"
                    + "&Location=https://evil.example&ETag=forged&x-cache=forged", key);

            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().allValues("Cache-Control")).as(path).noneMatch(v -> v.contains("public"));
            assertThat(answer.headers().firstValue("Location")).as(path).isEmpty();
            // the registry list says itself whether it came from its cache
            assertThat(answer.headers().allValues("ETag")).as(path).doesNotContain("forged");
            assertThat(answer.headers().allValues("X-Cache")).as(path).doesNotContain("forged");
        }
    }

    @Test
    void anXHubClientQueryParameterNeverWritesTheAuditActor() {
        JsonNode created = createKey("query-actor", "chittyfinance:write");
        String requestId = "query-actor-" + created.get("id").asText();

        HttpResponse<String> connected = send(request("/api/chittyfinance/banking/connect"
                + "?X-Hub-Client=key:someone-else&X-Request-ID=forged-request-id")
                .header("X-ChittyOS-API-Key", created.get("key").asText()).header("X-Request-ID", requestId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"provider\":\"plaid\"}")).build());

        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(201);
        List<String> actors = jdbc().sql("SELECT actor FROM audit_log WHERE operation = 'chittyfinance.connect'"
                + " AND request_id = :requestId").param("requestId", requestId).query(String.class).list();
        assertThat(actors).containsExactly("key:" + created.get("id").asText());
        assertThat(jdbc().sql("SELECT count(*) FROM audit_log WHERE actor LIKE '%someone-else%'"
                + " OR request_id = 'forged-request-id'").query(Integer.class).single()).isZero();
    }
}
