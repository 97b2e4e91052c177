package cc.chitty.connect.hub.github;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cc.chitty.connect.hub.kafka.KafkaClientProperties;
import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** Signed deliveries, payload factories and GitHub stand-in queries shared by the GitHub App tests. */
public abstract class GitHubTestSupport extends HubIntegrationTest {

    protected static final String SECRET = "test-webhook-secret";

    @Autowired
    private KafkaClientProperties kafka;

    protected static WireMockServer github() {
        return StandIns.of("github");
    }

    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }

    protected static String newDeliveryId() {
        return UUID.randomUUID().toString();
    }

    protected HttpResponse<String> deliver(String deliveryId, String event, String payload) {
        return deliver(deliveryId, event, payload.getBytes(StandardCharsets.UTF_8), SECRET);
    }

    protected HttpResponse<String> deliver(String deliveryId, String event, byte[] payload, String secret) {
        return send(request("/integrations/github/webhook")
                .header("Content-Type", "application/json")
                .header("User-Agent", "GitHub-Hookshot/test")
                .header(GitHubHeaders.DELIVERY, deliveryId)
                .header(GitHubHeaders.EVENT, event)
                .header(GitHubHeaders.SIGNATURE, signature(payload, secret))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build());
    }

    /** The delivery's record on {@code github-events}, read by a consumer group of its own. */
    protected ConsumerRecord<String, byte[]> readBack(String deliveryId) {
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
                    if (deliveryId.equals(header(record, GitHubHeaders.DELIVERY))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("delivery " + deliveryId + " not found on github-events");
    }

    /** GitHub's {@code X-Hub-Signature-256}, computed here rather than by the class under test. */
    protected static String signature(byte[] payload, String secret) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(hmac.doFinal(payload));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last value of a record's header, or null. */
    protected static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A push of one commit to {@code acme/<repo>} touching {@code files}. */
    protected static String push(String repo, long repositoryId, long installationId, String sha, String message,
            List<String> files) {
        return json(Map.of(
                "ref", "refs/heads/main",
                "after", sha,
                "commits", List.of(Map.of("id", sha, "message", message, "added", files, "modified", List.of())),
                "repository", repository(repo, repositoryId),
                "installation", Map.of("id", installationId),
                "sender", Map.of("login", "octocat")));
    }

    protected static Map<String, Object> repository(String repo, long repositoryId) {
        return Map.of("id", repositoryId, "name", repo, "full_name", "acme/" + repo);
    }

    protected static String sha(String seed) {
        String hex = String.format("%040x", new BigInteger(1, seed.getBytes(StandardCharsets.UTF_8)));
        return hex.substring(hex.length() - 40);
    }

    protected static int checkRuns(String repo, String sha) {
        return github().findAll(postRequestedFor(urlPathEqualTo("/repos/acme/" + repo + "/check-runs"))
                .withRequestBody(matchingJsonPath("$.head_sha", equalTo(sha)))).size();
    }
}
