package cc.chitty.connect.hub.github.automation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import cc.chitty.connect.hub.github.GitHubTestSupport;
import cc.chitty.connect.hub.support.StandIns;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

/** The original's automations, on the real consumer, against the GitHub stand-in. */
class GitHubAutomationsTest extends GitHubTestSupport {

    @Test
    void aPushGetsTheComplianceCheckRunWithTheConclusionOfTheConfiguredChecks() {
        String clean = sha("clean-" + newDeliveryId());
        String dirty = sha("dirty-" + newDeliveryId());

        deliver(newDeliveryId(), "push", push("checked", 6101, 65101, clean, "feat: widgets", List.of("src/App.java")));
        deliver(newDeliveryId(), "push", push("checked", 6101, 65101, dirty, "widgets", List.of("deploy/.env")));

        JsonNode passed = eventually().until(() -> checkRun("checked", clean), r -> r != null);
        JsonNode failed = eventually().until(() -> checkRun("checked", dirty), r -> r != null);
        assertThat(passed.get("name").asText()).isEqualTo("Chitty Compliance/CI");
        assertThat(passed.get("status").asText()).isEqualTo("completed");
        assertThat(passed.get("conclusion").asText()).isEqualTo("success");
        assertThat(failed.get("conclusion").asText()).isEqualTo("failure");
        assertThat(failed.at("/output/summary").asText()).contains("deploy/.env").contains("does not match");
        // one installation token served both pushes
        assertThat(github().findAll(postRequestedFor(urlPathEqualTo("/app/installations/65101/access_tokens"))))
                .hasSize(1);
        eventually().until(() -> chronicleEntries("github.push").size() >= 2);
    }

    @Test
    void aDeliveryNeverGetsTwoCheckRunsWhenAnEarlierAttemptMayHaveCreatedOne() {
        String first = newDeliveryId();
        String created = newDeliveryId();
        String lost = newDeliveryId();
        String firstSha = sha("first-" + first);
        String createdSha = sha("created-" + created);
        String lostSha = sha("lost-" + lost);
        // an earlier attempt (a retry, or a re-read after a crash) started both of these
        jdbc().sql("INSERT INTO github_check_run_attempts (delivery_id) VALUES (:a), (:b)")
                .param("a", created).param("b", lost).update();
        github().stubFor(get(urlPathEqualTo("/repos/acme/again/commits/" + createdSha + "/check-runs")).atPriority(1)
                .willReturn(okJson(json(Map.of("total_count", 1,
                        "check_runs", List.of(Map.of("id", 77, "external_id", created)))))));

        deliver(first, "push", push("again", 6103, 65301, firstSha, "feat: a", List.of()));
        deliver(created, "push", push("again", 6103, 65301, createdSha, "feat: b", List.of()));
        deliver(lost, "push", push("again", 6103, 65301, lostSha, "feat: c", List.of()));

        eventually().until(() -> checkRuns("again", firstSha) == 1 && checkRuns("again", lostSha) == 1);
        eventually().until(() -> chronicleEntries("github.push").size() >= 3);
        assertThat(checkRuns("again", createdSha)).isZero();
        assertThat(github().findAll(postRequestedFor(urlPathEqualTo("/repos/acme/again/check-runs"))
                .withRequestBody(matchingJsonPath("$.external_id", equalTo(first))))).hasSize(1);
        // only a delivery an earlier attempt started costs the extra lookup
        assertThat(github().findAll(getRequestedFor(urlPathEqualTo("/repos/acme/again/commits/" + firstSha
                + "/check-runs")))).isEmpty();
    }

    @Test
    void aPushStillGetsItsCheckRunAndIsProcessedOnceWhenChittyChronicleAnswers5xx() {
        StandIns.of("chittychronicle").stubFor(post(urlPathEqualTo("/api/entries")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        String id = newDeliveryId();
        String sha = sha(id);

        assertThat(deliver(id, "push", push("chronicle-down", 6104, 65401, sha, "fix: quietly", List.of("README.md")))
                .statusCode()).isEqualTo(202);

        eventually().until(() -> jdbc().sql("SELECT count(*) FROM camel_messageprocessed WHERE messageid = :id")
                .param("id", id).query(Integer.class).single() == 1);
        assertThat(checkRuns("chronicle-down", sha)).isEqualTo(1);
        // Chronicle was asked and refused: the soft failure, not a skipped call
        assertThat(StandIns.of("chittychronicle").findAll(postRequestedFor(urlPathEqualTo("/api/entries"))
                .withRequestBody(matchingJsonPath("$.data.delivery", equalTo(id))))).isNotEmpty();
    }

    @Test
    void anInstallationTokenWithLessThanAMinuteLeftIsNotReused() {
        github().stubFor(post(urlPathEqualTo("/app/installations/65201/access_tokens")).atPriority(1)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(json(Map.of("token", "ghs_shortlived", "expires_at",
                                Instant.now().plusSeconds(50).toString())))));
        String first = sha("short-1-" + newDeliveryId());
        String second = sha("short-2-" + newDeliveryId());

        deliver(newDeliveryId(), "push", push("short", 6102, 65201, first, "fix: one", List.of()));
        eventually().until(() -> checkRun("short", first) != null);
        deliver(newDeliveryId(), "push", push("short", 6102, 65201, second, "fix: two", List.of()));
        eventually().until(() -> checkRun("short", second) != null);

        assertThat(github().findAll(postRequestedFor(urlPathEqualTo("/app/installations/65201/access_tokens"))))
                .hasSize(2);
    }

    @Test
    void pushesToManyRepositoriesOfANewInstallationShareOneInstallationToken() {
        // a slow answer, so that the repositories' deliveries, applied in parallel, all find no token yet
        github().stubFor(post(urlPathEqualTo("/app/installations/65601/access_tokens")).atPriority(1)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withFixedDelay(1000).withBody(json(Map.of("token", "ghs_shared", "expires_at",
                                Instant.now().plus(1, ChronoUnit.HOURS).toString())))));
        List<String> shas = IntStream.range(0, 8).mapToObj(i -> sha("shared-" + i + "-" + newDeliveryId())).toList();

        IntStream.range(0, 8).forEach(i -> deliver(newDeliveryId(), "push",
                push("shared-" + i, 6600 + i, 65601, shas.get(i), "feat: shared", List.of())));

        IntStream.range(0, 8).forEach(i -> eventually().until(() -> checkRun("shared-" + i, shas.get(i)) != null));
        assertThat(github().findAll(postRequestedFor(urlPathEqualTo("/app/installations/65601/access_tokens"))))
                .hasSize(1);
    }

    @Test
    void anOpenedPullRequestGetsItsCheckLabelsSummaryAndReviewers() {
        List<Map<String, Object>> firstPage = new ArrayList<>();
        IntStream.range(0, 100).forEach(i -> firstPage.add(file("src/F" + i + ".java", 2, 1)));
        github().stubFor(get(urlPathEqualTo("/repos/acme/widgets/pulls/7/files")).atPriority(1)
                .withQueryParam("page", equalTo("1")).willReturn(okJson(json(firstPage))));
        github().stubFor(get(urlPathEqualTo("/repos/acme/widgets/pulls/7/files")).atPriority(1)
                .withQueryParam("page", equalTo("2"))
                .willReturn(okJson(json(List.of(file("id_rsa", 1, 0), file("README.md", 300, 0))))));
        String head = sha("pr-" + newDeliveryId());

        deliver(newDeliveryId(), "pull_request", pullRequest("opened", "widgets", 6201, 7, "feat(api): widgets", head));

        JsonNode check = eventually().until(() -> checkRun("widgets", head), r -> r != null);
        assertThat(check.get("conclusion").asText()).isEqualTo("failure");
        assertThat(check.at("/output/summary").asText()).contains("id_rsa");
        JsonNode labels = body(github().findAll(postRequestedFor(urlPathEqualTo("/repos/acme/widgets/issues/7/labels")))
                .get(0));
        assertThat(labels.get("labels").toString()).isEqualTo("[\"type/feature\",\"size/M\"]");
        eventually().until(() -> !github().findAll(postRequestedFor(
                urlPathEqualTo("/repos/acme/widgets/pulls/7/requested_reviewers"))).isEmpty());
        JsonNode comment = body(github().findAll(postRequestedFor(
                urlPathEqualTo("/repos/acme/widgets/issues/7/comments"))).get(0));
        assertThat(comment.get("body").asText()).startsWith(PullRequestSummary.MARKER).contains("| Files | 102 |")
                .contains("+501 / -100").contains("Risk | High");
        JsonNode reviewers = body(github().findAll(postRequestedFor(
                urlPathEqualTo("/repos/acme/widgets/pulls/7/requested_reviewers"))).get(0));
        assertThat(reviewers.get("reviewers").toString()).isEqualTo("[\"octo-reviewer\"]");
        assertThat(reviewers.get("team_reviewers").toString()).isEqualTo("[\"core\"]");
        eventually().until(() -> !chronicleEntries("github.pull_request.opened").isEmpty());
    }

    @Test
    void aSynchronizedPullRequestUpdatesItsSummaryInPlace() {
        github().stubFor(get(urlPathEqualTo("/repos/acme/gadgets/issues/8/comments")).atPriority(1)
                .willReturn(okJson(json(List.of(Map.of("id", 31, "body", "looks good"),
                        Map.of("id", 32, "body", PullRequestSummary.MARKER + "\nold summary"))))));
        String head = sha("sync-" + newDeliveryId());

        deliver(newDeliveryId(), "pull_request", pullRequest("synchronize", "gadgets", 6202, 8, "fix: gadgets", head));

        eventually().until(() -> !github().findAll(patchRequestedFor(
                urlPathEqualTo("/repos/acme/gadgets/issues/comments/32"))).isEmpty());
        assertThat(github().findAll(postRequestedFor(urlPathEqualTo("/repos/acme/gadgets/issues/8/comments"))))
                .isEmpty();
    }

    @Test
    void aSummarizeCommentOnAPullRequestRefreshesItsSummary() {
        String payload = json(Map.of("action", "created",
                "issue", Map.of("number", 9, "pull_request", Map.of("url", "https://api.github.com/x")),
                "comment", Map.of("id", 1, "body", "please /chitty summarize", "user", Map.of("login", "octocat",
                        "type", "User")),
                "repository", repository("summarized", 6203), "installation", Map.of("id", 65001)));

        deliver(newDeliveryId(), "issue_comment", payload);

        eventually().until(() -> !github().findAll(postRequestedFor(
                urlPathEqualTo("/repos/acme/summarized/issues/9/comments"))).isEmpty());
        assertThat(github().findAll(getRequestedFor(urlPathEqualTo("/repos/acme/summarized/pulls/9")))).hasSize(1);
    }

    @Test
    void installationEventsAreKeptInTheInstallationsTable() {
        long id = 66001;
        Map<String, Object> installation = installationMintedAs(id, "selected", 9100, "acme-installs");

        deliver(newDeliveryId(), "installation", json(Map.of("action", "created", "installation", installation,
                "repositories", List.of(Map.of("id", 1, "full_name", "acme-installs/one")))));
        eventually().until(() -> status(id) != null);
        assertThat(status(id)).isEqualTo("active");
        assertThat(jdbc().sql("SELECT name FROM contexts WHERE chittyid = 'CTX-66001'").query(String.class).single())
                .isEqualTo("github-installation-66001");

        deliver(newDeliveryId(), "installation_repositories", json(Map.of("action", "added", "installation",
                installation, "repository_selection", "selected",
                "repositories_added", List.of(Map.of("id", 2, "full_name", "acme-installs/two")),
                "repositories_removed", List.of(Map.of("id", 1, "full_name", "acme-installs/one")))));
        deliver(newDeliveryId(), "installation", json(Map.of("action", "suspend", "installation", installation)));
        eventually().until(() -> "suspended".equals(status(id)));
        assertThat(jdbc().sql("SELECT full_name FROM installation_repositories WHERE installation_id = :id")
                .param("id", id).query(String.class).list()).containsExactly("acme-installs/two");

        deliver(newDeliveryId(), "installation", json(Map.of("action", "unsuspend", "installation", installation)));
        eventually().until(() -> "active".equals(status(id)));
        deliver(newDeliveryId(), "installation", json(Map.of("action", "deleted", "installation", installation)));
        eventually().until(() -> "deleted".equals(status(id)));
        assertThat(StandIns.of("chittyid").findAll(postRequestedFor(urlPathEqualTo("/v1/mint")))).hasSize(1);
    }

    @Test
    void anInstallationsEventsAreRecordedUnderItsChittyIdFromTheMomentItIsRegistered() {
        long id = 66101;
        Map<String, Object> installation = installationMintedAs(id, "all", 9101, "acme-entities");
        String before = newDeliveryId();
        String created = newDeliveryId();
        String after = newDeliveryId();

        deliver(before, "push", push("entities", 6111, id, sha(before), "feat: early", List.of("src/A.java")));
        assertThat(eventually().until(() -> chronicleEntity(before), entity -> entity != null))
                .isEqualTo("github-installation:66101");
        deliver(created, "installation", json(Map.of("action", "created", "installation", installation,
                "repositories", List.of())));
        // an installation's events and a repository's pushes are ordered apart: the push waits for the registration
        eventually().until(() -> status(id) != null);
        deliver(after, "push", push("entities", 6111, id, sha(after), "feat: later", List.of("src/A.java")));

        assertThat(eventually().until(() -> chronicleEntity(created), entity -> entity != null)).isEqualTo("CTX-66101");
        assertThat(eventually().until(() -> chronicleEntity(after), entity -> entity != null)).isEqualTo("CTX-66101");
    }

    @Test
    void theInstallCallbackRegistersTheInstallationContextFirst() {
        StandIns.of("chittyid").stubFor(post(urlPathEqualTo("/v1/mint")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.entity", equalTo("CONTEXT")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"chittyId\":\"CTX-67001\",\"id\":\"CTX-67001\"}")));

        HttpResponse<String> response = send(request("/integrations/github/callback?installation_id=67001"
                + "&setup_action=install").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("CTX-67001").doesNotContain("acme");
        Map<String, Object> row = jdbc().sql("""
                SELECT i.account_login, i.account_type, i.repository_selection, c.name, c.dna_id,
                       c.metadata->>'type' AS type, c.created_at <= i.created_at AS context_first
                FROM installations i JOIN contexts c ON c.chittyid = i.chittyid WHERE i.installation_id = 67001""")
                .query().singleRow();
        assertThat(row).containsEntry("account_login", "acme").containsEntry("account_type", "Organization")
                .containsEntry("repository_selection", "selected").containsEntry("type", "github_installation")
                .containsEntry("context_first", true);
        assertThat(row).containsEntry("dna_id", "DNA-2026-7f3a9c");
        StandIns.of("chittydna").verify(postRequestedFor(urlPathEqualTo("/api/initialize"))
                .withHeader("X-ChittyID", equalTo("CTX-67001")));
        assertThat(jdbc().sql("SELECT count(*) FROM audit_log WHERE operation = 'chittyid.mint'"
                + " AND actor = 'github-app' AND target = 'CTX-67001'").query(Integer.class).single()).isEqualTo(1);
        assertThat(chronicleEntries("github.app.installed")).isNotEmpty();
    }

    @Test
    void aChittyDnaFailureIsSoftTheInstallationIsStillRegistered() {
        StandIns.of("chittyid").stubFor(post(urlPathEqualTo("/v1/mint")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.entity", equalTo("CONTEXT")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"chittyId\":\"CTX-67002\",\"id\":\"CTX-67002\"}")));
        StandIns.of("chittydna").stubFor(post(urlPathEqualTo("/api/initialize")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));

        HttpResponse<String> response = send(request("/integrations/github/callback?installation_id=67002"
                + "&setup_action=install").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jdbc().sql("SELECT c.dna_id FROM installations i JOIN contexts c ON c.chittyid = i.chittyid"
                + " WHERE i.installation_id = 67002").query().singleRow()).containsEntry("dna_id", null);
    }

    @Test
    void anAnonymousCallbackLearnsNothingAboutAnInstallationKnownOrNot() {
        github().stubFor(get(urlPathEqualTo("/app/installations/67404")).atPriority(1)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Not Found\"}")));
        StandIns.of("chittyid").stubFor(post(urlPathEqualTo("/v1/mint")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.metadata.installationId", equalTo("67005")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"chittyId\":\"CTX-67005\",\"id\":\"CTX-67005\"}")));

        HttpResponse<String> unknown = send(request("/integrations/github/callback?installation_id=67404").GET()
                .build());
        HttpResponse<String> first = send(request("/integrations/github/callback?installation_id=67005").GET()
                .build());
        HttpResponse<String> again = send(request("/integrations/github/callback?installation_id=67005").GET()
                .build());

        assertThat(jdbc().sql("SELECT count(*) FROM installations WHERE installation_id = 67404")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc().sql("SELECT chittyid FROM installations WHERE installation_id = 67005")
                .query(String.class).single()).isEqualTo("CTX-67005");
        for (HttpResponse<String> answer : List.of(unknown, first, again)) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).doesNotContain("CTX-").doesNotContain("acme").doesNotContain("permissions");
            assertThat(parse(answer.body()).get("status").asText()).isEqualTo("received");
        }
    }

    @Test
    void concurrentInstallCallbacksMintExactlyOneChittyId() {
        // a slow mint keeps every concurrent callback past the "already registered?" look-up while the first mints
        StandIns.of("chittyid").stubFor(post(urlPathEqualTo("/v1/mint")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.metadata.installationId", equalTo("67100")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"chittyId\":\"CTX-67100-{{randomValue length=8 type='ALPHANUMERIC'}}\"}")
                        .withTransformers("response-template").withFixedDelay(500)));

        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> send(request(
                            "/integrations/github/callback?installation_id=67100&setup_action=install").GET().build()),
                            callers))
                    .toList();
            calls.forEach(call -> assertThat(call.join().statusCode()).isEqualTo(200));
        } finally {
            callers.shutdown();
        }

        assertThat(StandIns.of("chittyid").findAll(postRequestedFor(urlPathEqualTo("/v1/mint"))
                .withRequestBody(matchingJsonPath("$.metadata.installationId", equalTo("67100"))))).hasSize(1);
        assertThat(jdbc().sql("SELECT count(*) FROM contexts WHERE name = 'github-installation-67100'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc().sql("SELECT count(*) FROM installation_claims WHERE installation_id = 67100")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theReconcilerAsksGitHubToRedeliverFailedDeliveriesItHasNotProcessed() {
        Instant now = Instant.now();
        String processed = newDeliveryId();
        jdbc().sql("INSERT INTO camel_messageprocessed (processorname, messageid, createdat) "
                + "VALUES ('github-deliveries', :id, now())").param("id", processed).update();
        String link = "<" + github().baseUrl() + "/app/hook/deliveries?per_page=100&cursor=v1_2>; rel=\"next\"";
        github().stubFor(get(urlPathEqualTo("/app/hook/deliveries")).atPriority(1)
                .withQueryParam("cursor", equalTo("v1_2"))
                .willReturn(okJson(json(List.of(
                        delivery(1004, "lost", 502, now.minus(1, ChronoUnit.DAYS)),
                        delivery(1005, "too-old", 502, now.minus(4, ChronoUnit.DAYS)))))));
        github().stubFor(get(urlPathEqualTo("/app/hook/deliveries")).atPriority(2)
                .willReturn(okJson(json(List.of(
                        delivery(1001, "recovered", 200, now.minus(1, ChronoUnit.HOURS)),
                        delivery(1000, "recovered", 502, now.minus(2, ChronoUnit.HOURS)),
                        delivery(1002, processed, 0, now.minus(3, ChronoUnit.HOURS))))).withHeader("Link", link)));

        HttpResponse<String> response = asOperator(request("/admin/github/redeliveries")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(parse(response.body()).get("requested").toString()).isEqualTo("[\"lost\"]");
        assertThat(github().findAll(postRequestedFor(urlPathEqualTo("/app/hook/deliveries/1004/attempts"))))
                .hasSize(1);
        assertThat(github().findAll(postRequestedFor(urlPathMatching("/app/hook/deliveries/[0-9]+/attempts"))))
                .hasSize(1);
    }

    private static Map<String, Object> delivery(long id, String guid, int status, Instant at) {
        return Map.of("id", id, "guid", guid, "status_code", status, "delivered_at", at.toString(),
                "event", "push", "redelivery", false);
    }

    private static Map<String, Object> file(String name, int additions, int deletions) {
        return Map.of("filename", name, "additions", additions, "deletions", deletions, "status", "added");
    }

    private static String pullRequest(String action, String repo, long repositoryId, int number, String title,
            String head) {
        return json(Map.of("action", action, "number", number,
                "pull_request", Map.of("number", number, "title", title, "state", "open", "commits", 2,
                        "user", Map.of("login", "octocat"),
                        "head", Map.of("ref", "topic", "sha", head), "base", Map.of("ref", "main")),
                "repository", repository(repo, repositoryId), "installation", Map.of("id", 65001)));
    }

    private String status(long installationId) {
        return jdbc().sql("SELECT status FROM installations WHERE installation_id = :id").param("id", installationId)
                .query(String.class).optional().orElse(null);
    }

    private static JsonNode checkRun(String repo, String sha) {
        return github().findAll(postRequestedFor(urlPathEqualTo("/repos/acme/" + repo + "/check-runs"))
                .withRequestBody(matchingJsonPath("$.head_sha", equalTo(sha)))).stream().findFirst()
                .map(GitHubAutomationsTest::body).orElse(null);
    }

    /** An installation of an organisation, whose registration ChittyID's stand-in mints as CTX-{@code id}. */
    private static Map<String, Object> installationMintedAs(long id, String selection, long accountId, String login) {
        StandIns.of("chittyid").stubFor(post(urlPathEqualTo("/v1/mint")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.metadata.installationId", equalTo(Long.toString(id))))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"chittyId\":\"CTX-" + id + "\",\"id\":\"CTX-" + id + "\"}")));
        return Map.of("id", id, "repository_selection", selection,
                "account", Map.of("id", accountId, "login", login, "type", "Organization"));
    }

    /** The entity of the Chronicle entry recorded for a delivery, or null while there is none. */
    private static String chronicleEntity(String delivery) {
        return StandIns.of("chittychronicle").findAll(postRequestedFor(urlPathEqualTo("/api/entries"))
                .withRequestBody(matchingJsonPath("$.data.delivery", equalTo(delivery)))).stream().findFirst()
                .map(entry -> body(entry).path("entityId").asText()).orElse(null);
    }

    private static List<LoggedRequest> chronicleEntries(String eventType) {
        return StandIns.of("chittychronicle").findAll(postRequestedFor(urlPathEqualTo("/api/entries"))
                .withRequestBody(matchingJsonPath("$.eventType", equalTo(eventType))));
    }

    private static JsonNode body(LoggedRequest request) {
        return parse(request.getBodyAsString());
    }
}
