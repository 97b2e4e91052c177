package cc.chitty.connect.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jolokia as an attacker would use it through an operator's browser (cached Basic credentials, no CSRF token for a
 * GET, another site's Origin), and as the Hawtio console uses it (POSTs with the token from its own origin).
 */
class JolokiaAccessPolicyTest extends HubIntegrationTest {

    private static final String CLEANUP_TIMER = "org.apache.camel:context=chittyconnect-hub,type=routes,"
            + "name=\"github.processed-cleanup.timer\"";

    @Test
    void aCrossSiteGetCannotStopARoute() {
        String stop = "/exec/" + CLEANUP_TIMER.replace("\"", "%22") + "/stop()";

        HttpResponse<String> inPath = operatorGet("/actuator/jolokia" + stop, "https://attacker.example");
        HttpResponse<String> inParameter = operatorGet("/actuator/jolokia/?p=" + stop, "https://attacker.example");
        HttpResponse<String> throughHawtio = operatorGet("/actuator/hawtio/jolokia" + stop.replace("exec", "EXEC"),
                "https://attacker.example");

        for (HttpResponse<String> response : java.util.List.of(inPath, inParameter, throughHawtio)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        }
        assertThat(console(Map.of("type", "read", "mbean", CLEANUP_TIMER, "attribute", "State"))
                .get("value").asText()).isEqualTo("Started");
    }

    @Test
    void theHeapCannotBeDumpedThroughJolokia(@TempDir Path dir) {
        Path dump = dir.resolve("heap.hprof");

        JsonNode hotSpot = console(Map.of("type", "exec", "mbean", "com.sun.management:type=HotSpotDiagnostic",
                "operation", "dumpHeap(java.lang.String,boolean)", "arguments", new Object[] {dump.toString(), true}));
        JsonNode diagnostic = console(Map.of("type", "exec", "mbean", "com.sun.management:type=DiagnosticCommand",
                "operation", "gcHeapDump([Ljava.lang.String;)", "arguments",
                new Object[] {new String[] {dump.toString()}}));
        JsonNode flags = console(Map.of("type", "read", "mbean", "com.sun.management:type=HotSpotDiagnostic"));

        assertThat(hotSpot.get("status").asInt()).as(hotSpot.toString()).isEqualTo(403);
        assertThat(diagnostic.get("status").asInt()).as(diagnostic.toString()).isEqualTo(403);
        assertThat(flags.get("status").asInt()).as(flags.toString()).isEqualTo(403);
        assertThat(Files.exists(dump)).isFalse();
    }

    @Test
    void anotherSitesPageCannotUseJolokiaNorCanARequestThatHidesItsOrigin() {
        String read = "/actuator/jolokia/read/" + CLEANUP_TIMER.replace("\"", "%22") + "/State";

        assertThat(jolokiaStatus(operatorGet(read, "https://attacker.example"))).isEqualTo(403);
        assertThat(console(Map.of("type", "read", "mbean", CLEANUP_TIMER, "attribute", "State"),
                "https://attacker.example").get("status").asInt()).isEqualTo(403);
        // <img referrerpolicy="no-referrer"> sends neither Origin nor Referer
        assertThat(jolokiaStatus(operatorGet(read, null))).isEqualTo(403);
        assertThat(jolokiaStatus(operatorGet(read, origin()))).isEqualTo(200);
    }

    /** Jolokia answers a refused request with HTTP 200 and the refusal's status in the body. */
    private static int jolokiaStatus(HttpResponse<String> response) {
        return response.statusCode() != 200 ? response.statusCode() : parse(response.body()).get("status").asInt();
    }

    @Test
    void theConsoleMayOperateRoutesAndBreakersButNothingElse() {
        JsonNode reset = console(Map.of("type", "exec", "mbean", CLEANUP_TIMER, "operation", "reset()"));
        JsonNode gc = console(Map.of("type", "exec", "mbean", "java.lang:type=Memory", "operation", "gc()"));
        JsonNode write = console(Map.of("type", "write", "mbean", CLEANUP_TIMER, "attribute", "TracingPattern",
                "value", "x"));
        JsonNode breakers = console(Map.of("type", "search",
                "mbean", "org.apache.camel:context=chittyconnect-hub,type=processors,name=*circuitBreaker*"));
        JsonNode breaker = console(Map.of("type", "exec", "mbean", breakers.get("value").get(0).asText(),
                "operation", "transitionToCloseState()"));

        assertThat(reset.get("status").asInt()).as(reset.toString()).isEqualTo(200);
        assertThat(breaker.get("status").asInt()).as(breaker.toString()).isEqualTo(200);
        assertThat(gc.get("status").asInt()).as(gc.toString()).isEqualTo(403);
        assertThat(write.get("status").asInt()).as(write.toString()).isEqualTo(403);
    }

    private String origin() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> operatorGet(String path, String origin) {
        HttpRequest.Builder builder = request(path).header("Authorization", basic(OPERATOR, OPERATOR_PASSWORD));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return send(builder.GET().build());
    }

    /** One Jolokia request as the Hawtio console sends it: a POST from its own origin with the CSRF token. */
    private JsonNode console(Map<String, Object> jolokiaRequest) {
        return console(jolokiaRequest, origin());
    }

    private JsonNode console(Map<String, Object> jolokiaRequest, String origin) {
        HttpResponse<String> page = asOperator(request("/actuator/hawtio/").GET());
        String token = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> response = send(request("/actuator/hawtio/jolokia/")
                .header("Authorization", basic(OPERATOR, OPERATOR_PASSWORD)).header("Origin", origin)
                .header("Cookie", "XSRF-TOKEN=" + token).header("X-XSRF-TOKEN", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(jolokiaRequest))).build());
        return parse(response.body());
    }
}
