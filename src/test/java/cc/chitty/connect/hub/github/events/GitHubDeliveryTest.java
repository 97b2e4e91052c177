package cc.chitty.connect.hub.github.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import cc.chitty.connect.hub.github.GitHubHeaders;
import cc.chitty.connect.hub.github.GitHubTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Delivery semantics on the real broker and database: duplicates have one effect, a failing record goes to the
 * dead-letter topic after its tries without holding up the records behind it and is replayed once fixed, and a
 * consumer stopped mid-stream loses and repeats nothing.
 */
class GitHubDeliveryTest extends GitHubTestSupport {

    @Autowired
    private CamelContext camel;

    @Autowired
    private ProducerTemplate producer;

    @Test
    void theSameDeliverySentThreeTimesHasOneEffect() {
        String id = newDeliveryId();
        String sha = sha(id);
        String payload = push("dup-sequential", 5101, 61001, sha, "fix: once", List.of("README.md"));

        for (int i = 0; i < 3; i++) {
            assertThat(deliver(id, "push", payload).statusCode()).isEqualTo(202);
        }

        awaitSentinel("dup-sequential", 5101, 61001);
        assertThat(checkRuns("dup-sequential", sha)).isEqualTo(1);
    }

    @Test
    void theSameDeliverySentThreeTimesConcurrentlyHasOneEffect() throws Exception {
        String id = newDeliveryId();
        String sha = sha(id);
        String payload = push("dup-concurrent", 5102, 61001, sha, "fix: once", List.of("README.md"));
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<Integer>> sends = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return deliver(id, "push", payload).statusCode();
                })).toList();
        start.countDown();

        for (CompletableFuture<Integer> status : sends) {
            assertThat(status.get()).isEqualTo(202);
        }
        awaitSentinel("dup-concurrent", 5102, 61001);
        assertThat(checkRuns("dup-concurrent", sha)).isEqualTo(1);
    }

    @Test
    void aRecordThatKeepsFailingGoesToTheDeadLetterTopicAndIsReplayedOnceFixed() {
        String failing = newDeliveryId();
        String badSha = sha(failing);
        StubMapping broken = github().stubFor(post(urlPathEqualTo("/repos/acme/broken/check-runs")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.head_sha", equalTo(badSha)))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Server Error\"}")));
        String later = newDeliveryId();
        String goodSha = sha(later);
        double deadLettersBefore = deadLettersCounted();

        assertThat(deliver(failing, "push", push("broken", 5201, 61001, badSha, "fix: a", List.of())).statusCode())
                .isEqualTo(202);
        // same repository, same partition: it only runs once the failing record is out of the way
        assertThat(deliver(later, "push", push("broken", 5201, 61001, goodSha, "fix: b", List.of())).statusCode())
                .isEqualTo(202);

        eventually().until(() -> checkRuns("broken", goodSha) == 1);
        JsonNode letter = eventually().until(() -> deadLetter(failing), l -> l != null);
        assertThat(checkRuns("broken", badSha)).isEqualTo(3);
        assertThat(letter.get("event").asText()).isEqualTo("push");
        assertThat(letter.get("key").asText()).isEqualTo("repository:5201");
        assertThat(letter.get("processed").asBoolean()).isFalse();
        assertThat(letter.get("error").get(GitHubHeaders.ATTEMPTS).asText()).isEqualTo("3");
        assertThat(letter.get("error").get(GitHubHeaders.ERROR_CLASS).asText()).isEqualTo("server");
        assertThat(letter.get("error").get(GitHubHeaders.ERROR_UPSTREAM_STATUS).asText()).isEqualTo("500");
        assertThat(deadLettersCounted()).isGreaterThanOrEqualTo(deadLettersBefore + 1);

        github().removeStub(broken);
        HttpResponse<String> replay = asOperator(request("/admin/github/dead-letters/" + failing + "/replay")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(parse(replay.body()).get("replayed").toString()).contains(failing);
        eventually().until(() -> checkRuns("broken", badSha) == 4);
        eventually().until(() -> deadLetter(failing).get("processed").asBoolean());
        HttpResponse<String> again = asOperator(request("/admin/github/dead-letters/replay")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(parse(again.body()).get("replayed").toString()).doesNotContain(failing);
        assertThat(jdbc().sql("""
                SELECT count(*) FROM audit_log WHERE operation = 'github.dead-letter.replay' AND target = :target
                AND actor = 'operator:operator'""").param("target", failing).query(Integer.class).single())
                .isEqualTo(1);
        awaitSentinel("broken", 5201, 61001);
        assertThat(checkRuns("broken", badSha)).isEqualTo(4);
    }

    @Test
    void replayingAnUnknownDeliveryIs404() {
        HttpResponse<String> response = asOperator(request("/admin/github/dead-letters/" + newDeliveryId()
                + "/replay").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void aConsumerStoppedMidStreamAndRestartedAppliesEveryAcceptedDeliveryOnce() throws Exception {
        // slow check runs, so the stop lands while records are still waiting and one is in flight
        github().stubFor(post(urlPathEqualTo("/repos/acme/restart/check-runs")).atPriority(1)
                .willReturn(aResponse().withStatus(201).withFixedDelay(150)
                        .withHeader("Content-Type", "application/json").withBody("{\"id\":4002}")));
        List<String> shas = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = newDeliveryId();
            shas.add(sha(id));
            assertThat(deliver(id, "push", push("restart", 5301, 61001, sha(id), "fix: " + i, List.of()))
                    .statusCode()).isEqualTo(202);
        }
        eventually().until(() -> checkRuns("restart", shas.get(0)) == 1);

        camel.getRouteController().stopRoute(GitHubEventRoutes.CONSUMER_ROUTE);
        for (int i = 10; i < 20; i++) {
            String id = newDeliveryId();
            shas.add(sha(id));
            assertThat(deliver(id, "push", push("restart", 5301, 61001, sha(id), "fix: " + i, List.of()))
                    .statusCode()).isEqualTo(202);
        }
        camel.getRouteController().startRoute(GitHubEventRoutes.CONSUMER_ROUTE);

        awaitSentinel("restart", 5301, 61001);
        for (String sha : shas) {
            assertThat(checkRuns("restart", sha)).as("check runs for %s", sha).isEqualTo(1);
        }
    }

    @Test
    void processedDeliveryIdsAreForgottenAfterTheirRetention() {
        String old = newDeliveryId();
        String recent = newDeliveryId();
        jdbc().sql("INSERT INTO camel_messageprocessed (processorname, messageid, createdat) VALUES "
                + "('github-deliveries', :old, now() - interval '31 days'), ('github-deliveries', :recent, now())")
                .param("old", old).param("recent", recent).update();

        producer.sendBody(ProcessedDeliveriesCleanupRoute.CLEANUP, null);

        assertThat(jdbc().sql("SELECT messageid FROM camel_messageprocessed WHERE messageid IN (:old, :recent)")
                .param("old", old).param("recent", recent).query(String.class).list()).containsExactly(recent);
    }

    /** A last delivery on the same repository (so the same partition): once applied, all before it were too. */
    private void awaitSentinel(String repo, long repositoryId, long installationId) {
        String id = newDeliveryId();
        String sha = sha(id);
        assertThat(deliver(id, "push", push(repo, repositoryId, installationId, sha, "chore: sentinel", List.of()))
                .statusCode()).isEqualTo(202);
        eventually().until(() -> checkRuns(repo, sha) == 1);
    }

    /** {@code hub_github_dead_letters_total} as Prometheus reads it. */
    private double deadLettersCounted() {
        return asOperator(request("/actuator/prometheus")).body().lines()
                .filter(line -> line.startsWith("hub_github_dead_letters_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    private JsonNode deadLetter(String deliveryId) {
        HttpResponse<String> response = asOperator(request("/admin/github/dead-letters"));
        for (JsonNode letter : parse(response.body())) {
            if (deliveryId.equals(letter.path("delivery").asText())) {
                return letter;
            }
        }
        return null;
    }
}
