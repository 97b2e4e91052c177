package cc.chitty.connect.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Every response and log line carries the request id; none carries a key, token or password. */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdAndSecretsTest extends HubIntegrationTest {

    @Test
    void aGivenRequestIdIsEchoedAndAMissingOneGenerated() {
        HttpResponse<String> given = send(request("/health").header("X-Request-ID", "client-trace-42").GET().build());
        HttpResponse<String> generated = send(request("/health").GET().build());
        HttpResponse<String> insane = send(request("/health").header("X-Request-ID", "bad id\" with spaces").GET()
                .build());

        assertThat(given.headers().firstValue("X-Request-ID")).hasValue("client-trace-42");
        assertThat(generated.headers().firstValue("X-Request-ID")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f-]{36}"));
        assertThat(insane.headers().firstValue("X-Request-ID")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void logLinesAreJsonAndCarryTheRequestId(CapturedOutput output) {
        send(request("/api/chittyid/mint").header("X-Request-ID", "trace-for-logs-7")
                .header("X-ChittyOS-API-Key", newKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        List<String> lines = output.getOut().lines().filter(l -> l.contains("trace-for-logs-7")).toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(line -> assertThat(parse(line).get("requestId").asText())
                .isEqualTo("trace-for-logs-7"));
    }

    @Test
    void noSecretAppearsInAnyLogLineOrErrorBody(CapturedOutput output) {
        String key = newKey();
        List<String> bodies = new ArrayList<>();
        StandIns.of("chittyid").stubFor(WireMock.post(WireMock.urlPathEqualTo("/v1/mint")).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(500)));

        bodies.add(postJson("/api/chittyid/mint", key, "{\"entity\":\"PEO\"}").body());
        bodies.add(postJson("/api/chittyid/mint", key, "{\"entity\":\"WRONG\"}").body());
        bodies.add(postJson("/api/chittyid/mint", key, "{broken").body());
        bodies.add(send(request("/api/chittyid/mint").header("Authorization", "Bearer " + key + "x")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build())
                .body());
        bodies.add(send(request("/admin/api-keys").header("Authorization", basic(OPERATOR, OPERATOR_PASSWORD + "x"))
                .GET().build()).body());
        bodies.add(asOperator(request("/admin/api-keys").GET()).body());

        List<String> secrets = List.of(key, key.substring(15), UPSTREAM_TOKEN, OPERATOR_PASSWORD);
        String everything = output.getAll() + String.join("\n", bodies);
        assertThat(output.getAll()).contains("request failed: 502");
        for (String secret : secrets) {
            assertThat(everything).doesNotContain(secret);
        }
    }
}
