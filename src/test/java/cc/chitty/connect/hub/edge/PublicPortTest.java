package cc.chitty.connect.hub.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.stream.Stream;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The two ports as a client sees them: the public port serves the doors and /health, forwards MCP to Tomcat with
 * the client's own address, and hides the operator surface, which the management port serves.
 */
class PublicPortTest extends HubIntegrationTest {

    /** {@code hub.rate-limit.tiers.unauthenticated}: 401s an address may cost before it is answered 429. */
    private static final int UNAUTHENTICATED_BUDGET = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void operatorPathsAre404ProblemsOnThePublicPortHoweverTheyAreSpelled() {
        for (String path : new String[] {"/admin/api-keys", "/actuator/health", "/actuator/prometheus",
                "/actuator/hawtio", "/actuator/jolokia/read/java.lang:type=Memory", "/hawtio", "/jolokia",
                "/admin;x=1/api-keys", "/%61dmin/api-keys", "/admin/../admin/api-keys"}) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + publicPort() + path)).header("Authorization",
                    basic(OPERATOR, OPERATOR_PASSWORD)).GET().build());
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
    }

    @Test
    void theManagementPortServesTheOperatorSurface() {
        assertThat(asOperator(request("/admin/api-keys").GET()).statusCode()).isEqualTo(200);
        assertThat(asOperator(request("/actuator/prometheus").GET()).statusCode()).isEqualTo(200);
        assertThat(send(request("/actuator/health/liveness").GET().build()).statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsAnsweredOnThePublicPort() {
        HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + publicPort() + "/health")).header("X-Request-ID", "probe-1").GET().build());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(health.headers().firstValue("X-Request-ID")).hasValue("probe-1");
        assertThat(parse(health.body()).get("service").asText()).isEqualTo("chittyconnect");
    }

    @Test
    void theLegacySseStreamFlowsThroughThePublicPortWhileItIsOpen() throws Exception {
        HttpResponse<Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(uri("/mcp/sse"))
                .header("X-ChittyOS-API-Key", newKey()).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            Iterator<String> events = lines.iterator();
            assertThat(events.next()).isEqualTo("event: endpoint");
            assertThat(events.next()).startsWith("data: /mcp/message?sessionId=");
        }
    }

    @Test
    void tomcatSeesTheClientsOwnAddressThroughTheForwarderNeverOneTheClientClaims() {
        for (int i = 0; i < UNAUTHENTICATED_BUDGET; i++) {
            assertThat(mcpCallWithRandomKeyFrom("127.0.0.2")).as("guess %d", i + 1).isEqualTo(401);
        }

        assertThat(mcpCallWithRandomKeyFrom("127.0.0.2")).as("the spent address").isEqualTo(429);
        assertThat(mcpCallWithRandomKeyFrom("127.0.0.3")).as("another address").isEqualTo(401);
    }

    /**
     * An MCP call with an unknown key, from a connection whose local address is {@code from}, claiming another
     * client in the forwarder's own header: the status Tomcat answered.
     */
    private int mcpCallWithRandomKeyFrom(String from) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        String request = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + publicPort() + "\r\n"
                + "X-ChittyOS-API-Key: chitty_" + HexFormat.of().formatHex(secret) + "\r\n"
                + "X-Hub-Client-Address: 198.51.100.99\r\n"
                + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), publicPort(), InetAddress.getByName(from),
                0)) {
            socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
