package cc.chitty.connect.hub.github.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cc.chitty.connect.hub.github.GitHubHeaders;
import cc.chitty.connect.hub.github.GitHubTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The intake: headers, signature before anything else, body cap, and the record on github-events. */
class GitHubWebhookTest extends GitHubTestSupport {

    @Test
    void aDeliveryWithoutGitHubsHeadersIs400() {
        HttpResponse<String> response = send(request("/integrations/github/webhook")
                .header("Content-Type", "application/json").header(GitHubHeaders.EVENT, "ping")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(parse(response.body()).get("missing").toString())
                .contains(GitHubHeaders.DELIVERY, GitHubHeaders.SIGNATURE);
    }

    @Test
    void aQueryParameterDoesNotStandInForAMissingGitHubHeader() {
        byte[] payload = "{\"zen\":\"query\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send(request("/integrations/github/webhook?X-GitHub-Event=push")
                .header(GitHubHeaders.DELIVERY, newDeliveryId())
                .header(GitHubHeaders.SIGNATURE, signature(payload, SECRET))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(parse(response.body()).get("missing").toString()).contains(GitHubHeaders.EVENT);
    }

    @Test
    void aProjectsV2ItemEventAndItsRedeliveryAreAccepted() {
        String id = newDeliveryId();
        String payload = json(Map.of("action", "edited", "projects_v2_item", Map.of("id", 7, "content_type", "Issue")));

        HttpResponse<String> first = deliver(id, "projects_v2_item", payload);
        HttpResponse<String> redelivered = deliver(id, "projects_v2_item", payload);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(redelivered.statusCode()).as(redelivered.body()).isEqualTo(202);
        assertThat(parse(first.body()).get("event").asText()).isEqualTo("projects_v2_item");
    }

    @Test
    void aWrongSignatureIs401EvenForADeliveryAlreadyAccepted() {
        String id = newDeliveryId();
        String payload = json(Map.of("zen", "Keep it logically awesome.", "hook_id", 1));
        assertThat(deliver(id, "ping", payload).statusCode()).isEqualTo(202);

        HttpResponse<String> forged = deliver(id, "ping", payload.getBytes(StandardCharsets.UTF_8), "not-the-secret");
        HttpResponse<String> tampered = send(request("/integrations/github/webhook")
                .header(GitHubHeaders.DELIVERY, id).header(GitHubHeaders.EVENT, "ping")
                .header(GitHubHeaders.SIGNATURE, signature(payload.getBytes(StandardCharsets.UTF_8), SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(payload + " ")).build());

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(forged.body()).doesNotContain(SECRET);
        String metrics = asOperator(request("/actuator/prometheus")).body();
        assertThat(metrics).contains("hub_edge_refusals_total{application=\"chittyconnect-hub\",door=\"webhook\","
                + "policy=\"invalid-signature\",status=\"401\"}");
        assertThat(metrics).containsPattern("hub_github_webhooks_total\\{[^}]*outcome=\"accepted\"} [1-9]");
    }

    @Test
    void thePreviousSecretIsAcceptedDuringARotation() {
        HttpResponse<String> response = deliver(newDeliveryId(), "ping",
                "{\"zen\":\"rotating\"}".getBytes(StandardCharsets.UTF_8), "test-webhook-secret-previous");

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void aSignedBodyThatIsNotJsonIs400() {
        HttpResponse<String> response = deliver(newDeliveryId(), "push", "not json");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void anAcceptedDeliveryIsOnTheTopicWithItsHeadersKeyedByRepository() {
        String id = newDeliveryId();
        // 3 MB: over the 1 MB limit of every other path, within the webhook's 25 MB
        String padding = "x".repeat(3 * 1024 * 1024);
        String payload = json(Map.of("action", "starred", "repository", repository("intake", 4242),
                "padding", padding));

        HttpResponse<String> response = deliver(id, "star", payload);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(parse(response.body()).get("delivery").asText()).isEqualTo(id);
        ConsumerRecord<String, byte[]> record = readBack(id);
        assertThat(record.key()).isEqualTo("repository:4242");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(payload);
        assertThat(header(record, GitHubHeaders.EVENT)).isEqualTo("star");
        assertThat(Long.parseLong(header(record, GitHubHeaders.RECEIVED_AT))).isPositive();
        // the request's own headers stay at the door
        assertThat(record.headers()).extracting(h -> h.key().toLowerCase())
                .doesNotContain("x-hub-signature-256", "content-type", "user-agent", "content-length", "host");
    }

    @Test
    void aBodyOverTwentyFiveMegabytesIs413BeforeItIsSent() throws IOException {
        // the announced length alone is refused: a raw request whose body is never sent
        try (Socket socket = new Socket("127.0.0.1", publicPort())) {
            socket.getOutputStream().write(("POST /integrations/github/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nX-GitHub-Delivery: " + newDeliveryId() + "\r\n"
                    + "X-GitHub-Event: push\r\nX-Hub-Signature-256: sha256=00\r\n"
                    + "Content-Length: " + (25 * 1024 * 1024 + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();

            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void unsignedDeliveriesJustUnderGitHubsCapAreNotHeldInMemoryBeforeTheSignatureCheck() throws IOException {
        // 48 deliveries of 24 MB, each sent but for its last byte before any is finished: together more than the
        // test JVM's heap (-Xmx1g), had the intake held each body while waiting to check its signature
        int deliveries = 48;
        int size = 24 * 1024 * 1024;
        byte[] spaces = new byte[64 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < deliveries; i++) {
                Socket socket = new Socket("127.0.0.1", publicPort());
                socket.setSoTimeout(120_000);
                sockets.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /integrations/github/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nX-GitHub-Delivery: " + newDeliveryId() + "\r\n"
                        + "X-GitHub-Event: push\r\nX-Hub-Signature-256: sha256=" + "0".repeat(64) + "\r\n"
                        + "Content-Length: " + size + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                for (int sent = 0; sent < size - 1; sent += spaces.length) {
                    out.write(spaces, 0, Math.min(spaces.length, size - 1 - sent));
                }
            }
            for (Socket socket : sockets) {
                socket.getOutputStream().write(' ');
                String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                assertThat(statusLine).startsWith("HTTP/1.1 401");
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        assertThat(deliver(newDeliveryId(), "push", "{\"zen\":\"still serving\"}").statusCode()).isEqualTo(202);
    }

    @Test
    void anEventWithoutAutomationIsAcceptedAndRecorded() {
        String id = newDeliveryId();

        assertThat(deliver(id, "watch", json(Map.of("action", "started"))).statusCode()).isEqualTo(202);

        eventually().until(() -> jdbc().sql("SELECT count(*) FROM camel_messageprocessed WHERE messageid = :id")
                .param("id", id).query(Integer.class).single() == 1);
        String metrics = asOperator(request("/actuator/prometheus")).body();
        assertThat(metrics).contains("hub_github_events_total{application=\"chittyconnect-hub\",event=\"watch\","
                + "outcome=\"ignored\"}");
    }
}
