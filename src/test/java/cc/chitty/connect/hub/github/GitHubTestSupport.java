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

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Signed deliveries, payload factories and GitHub stand-in queries shared by the GitHub App tests. */
abstract class GitHubTestSupport extends HubIntegrationTest {

    static final String SECRET = "test-webhook-secret";

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
