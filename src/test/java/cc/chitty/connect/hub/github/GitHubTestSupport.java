package cc.chitty.connect.hub.github;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cc.chitty.connect.hub.kafka.KafkaClientProperties;
import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** Signed deliveries, payload factories and GitHub stand-in queries shared by the GitHub App tests. */
abstract class GitHubTestSupport extends HubIntegrationTest {

    static final String SECRET = "test-webhook-secret";

    @Autowired
    private KafkaClientProperties kafka;

    static WireMockServer github() {
        return StandIns.of("github");
    }

    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }

    static String newDeliveryId() {
        return UUID.randomUUID().toString();
    }

    HttpResponse<String> deliver(String deliveryId, String event, String payload) {
        return deliver(deliveryId, event, payload.getBytes(StandardCharsets.UTF_8), SECRET);
    }

    HttpResponse<String> deliver(String deliveryId, String event, byte[] payload, String secret) {
        return send(request("/integrations/github/webhook")
                .header("Content-Type", "application/json")
                .header("User-Agent", "GitHub-Hookshot/test")
                .header(GitHubHeaders.DELIVERY, deliveryId)
                .header(GitHubHeaders.EVENT, event)
                .header(GitHubHeaders.SIGNATURE, signature(payload, secret))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build());
    }

    /** The delivery's record on {@code github-events}, read by a consumer group of its own. */
    ConsumerRecord<String, byte[]> readBack(String deliveryId) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "intake-test-" + deliveryId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("github-events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (deliveryId.equals(DeadLetters.header(record, GitHubHeaders.DELIVERY))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("delivery " + deliveryId + " not found on github-events");
    }

    static String signature(byte[] payload, String secret) {
        return "sha256=" + new String(WebhookSignature.sign(secret.getBytes(StandardCharsets.UTF_8), payload),
                StandardCharsets.US_ASCII);
    }

    /** A push of one commit to {@code acme/<repo>} touching {@code files}. */
    static String push(String repo, long repositoryId, long installationId, String sha, String message,
            List<String> files) {
        return json(Map.of(
                "ref", "refs/heads/main",
                "after", sha,
                "commits", List.of(Map.of("id", sha, "message", message, "added", files, "modified", List.of())),
                "repository", repository(repo, repositoryId),
                "installation", Map.of("id", installationId),
                "sender", Map.of("login", "octocat")));
    }

    static Map<String, Object> repository(String repo, long repositoryId) {
        return Map.of("id", repositoryId, "name", repo, "full_name", "acme/" + repo);
    }

    static String sha(String seed) {
        String hex = String.format("%040x", new BigInteger(1, seed.getBytes(StandardCharsets.UTF_8)));
        return hex.substring(hex.length() - 40);
    }

    static int checkRuns(String repo, String sha) {
        return github().findAll(postRequestedFor(urlPathEqualTo("/repos/acme/" + repo + "/check-runs"))
                .withRequestBody(matchingJsonPath("$.head_sha", equalTo(sha)))).size();
    }
}
