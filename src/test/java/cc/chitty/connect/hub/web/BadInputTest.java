package cc.chitty.connect.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import org.junit.jupiter.api.Test;

/** Bad requests get a 4xx problem+json, never a 500, and never reach an upstream. */
class BadInputTest extends HubIntegrationTest {

    @Test
    void malformedJsonIs400() {
        assertProblem(postJson("/api/chittyid/mint", newKey(), "{\"entity\": PEO"), 400);
    }

    @Test
    void anEmptyBodyIs400() {
        assertProblem(send(request("/api/chittyid/mint").header("X-ChittyOS-API-Key", newKey())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build()), 400);
    }

    @Test
    void aBodyThatBreaksTheSchemaIs400NamingEachField() {
        HttpResponse<String> response = postJson("/api/chittyid/mint", newKey(),
                "{\"entity\":\"ROBOT\",\"metadata\":\"text\",\"extra\":1}");

        assertProblem(response, 400);
        assertThat(parse(response.body()).get("errors").findValuesAsText("field"))
                .containsExactly("entity", "extra", "metadata");
    }

    @Test
    void aMissingRequiredFieldIs400NamingIt() {
        HttpResponse<String> response = postJson("/api/chittyid/mint", newKey(), "{\"metadata\":{}}");

        assertProblem(response, 400);
        assertThat(parse(response.body()).get("errors").findValuesAsText("field")).containsExactly("entity");
    }

    @Test
    void aWrongContentTypeIs415() {
        assertProblem(send(request("/api/chittyid/mint").header("X-ChittyOS-API-Key", newKey())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("entity=PEO"))
                .build()), 415);
    }

    @Test
    void aBodyOverTheLimitIs413WhetherAnnouncedOrStreamed() {
        String key = newKey();
        byte[] big = ("{\"entity\":\"PEO\",\"metadata\":{\"blob\":\"" + "x".repeat(1_100_000) + "\"}}").getBytes();

        assertProblem(send(request("/api/chittyid/mint").header("X-ChittyOS-API-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(big))
                .build()), 413);
        assertProblem(send(request("/api/chittyid/mint").header("X-ChittyOS-API-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build()), 413);
    }

    @Test
    void anUnknownPathIs404() {
        assertProblem(send(request("/no/such/thing").GET().build()), 404);
        HttpResponse<String> underApi = send(request("/api/no-such-service").header("X-ChittyOS-API-Key", newKey())
                .GET().build());
        assertProblem(underApi, 404);
    }

    @Test
    void noneOfThemReachedTheUpstream() {
        malformedJsonIs400();
        aWrongContentTypeIs415();
        aBodyThatBreaksTheSchemaIs400NamingEachField();
        aBodyOverTheLimitIs413WhetherAnnouncedOrStreamed();
        assertThat(StandIns.of("chittyid").getAllServeEvents()).isEmpty();
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(parse(response.body()).get("status").asInt()).isEqualTo(status);
    }
}
