package cc.chitty.connect.hub.github.automation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cc.chitty.connect.hub.capability.CapabilityFailure;
import cc.chitty.connect.hub.github.GitHubProperties;
import cc.chitty.connect.hub.github.client.GitHubClient;
import cc.chitty.connect.hub.github.client.InstallationTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * Pull request opened, reopened or synchronized: the compliance check run on the head commit, labels from the
 * title and size, the summary comment (updated in place), reviewers from configuration. A {@code /chitty
 * summarize} comment on a pull request refreshes its labels and summary.
 */
@Component
class PullRequestAutomation {

    private static final Set<String> ACTIONS = Set.of("opened", "synchronize", "reopened");
    private static final String SUMMARIZE = "/chitty summarize";
    private static final int PAGE_SIZE = 100;
    // GitHub lists at most 3000 files of a pull request
    private static final int MAX_FILE_PAGES = 30;
    private static final int MAX_COMMENT_PAGES = 10;

    private final GitHubClient github;
    private final CheckRuns checkRuns;
    private final InstallationTokens tokens;
    private final ComplianceChecks checks;
    private final GitHubProperties.Reviewers reviewers;

    PullRequestAutomation(GitHubClient github, CheckRuns checkRuns, InstallationTokens tokens,
            ComplianceChecks checks, GitHubProperties properties) {
        this.github = github;
        this.checkRuns = checkRuns;
        this.tokens = tokens;
        this.checks = checks;
        this.reviewers = properties.reviewers();
    }

    /** The files of a pull request and their line counts. */
    private record Changes(List<String> paths, int additions, int deletions) {
    }

    boolean onPullRequest(String delivery, JsonNode payload) throws Exception {
        long installationId = payload.path("installation").path("id").asLong();
        if (!ACTIONS.contains(payload.path("action").asText()) || installationId == 0) {
            return false;
        }
        String auth = tokens.authorization(installationId);
        String repo = payload.path("repository").path("full_name").asText();
        JsonNode pr = payload.path("pull_request");
        int number = pr.path("number").asInt();
        Changes changes = changes(auth, repo, number);
        List<String> labels = labels(auth, repo, pr, changes);
        ComplianceChecks.Outcome outcome = checks.evaluate(List.of(pr.path("title").asText()), changes.paths(),
                changes.additions() + changes.deletions());
        checkRuns.create(auth, repo, delivery, checks.checkRun(pr.path("head").path("sha").asText(), outcome));
        upsertSummary(auth, repo, number, PullRequestSummary.render(pr, changes.paths().size(), changes.additions(),
                changes.deletions(), labels));
        requestReviewers(auth, repo, number, pr.path("user").path("login").asText());
        return true;
    }

    boolean onComment(JsonNode payload) throws Exception {
        JsonNode comment = payload.path("comment");
        long installationId = payload.path("installation").path("id").asLong();
        if (!"created".equals(payload.path("action").asText()) || installationId == 0
                || payload.path("issue").path("pull_request").isMissingNode()
                || !comment.path("body").asText().contains(SUMMARIZE)
                || "Bot".equals(comment.path("user").path("type").asText())) {
            return false;
        }
        String auth = tokens.authorization(installationId);
        String repo = payload.path("repository").path("full_name").asText();
        int number = payload.path("issue").path("number").asInt();
        JsonNode pr = github.call("github.pulls.get", auth, GitHubClient.inRepository(repo, "number", number), null);
        Changes changes = changes(auth, repo, number);
        List<String> labels = labels(auth, repo, pr, changes);
        upsertSummary(auth, repo, number, PullRequestSummary.render(pr, changes.paths().size(), changes.additions(),
                changes.deletions(), labels));
        return true;
    }

    private Changes changes(String auth, String repo, int number) throws Exception {
        List<String> paths = new ArrayList<>();
        int additions = 0;
        int deletions = 0;
        for (int page = 1; page <= MAX_FILE_PAGES; page++) {
            JsonNode files = github.call("github.pulls.files", auth, GitHubClient.inRepository(repo,
                    "number", number, "per_page", PAGE_SIZE, "page", page), null);
            for (JsonNode file : files) {
                paths.add(file.path("filename").asText());
                additions += file.path("additions").asInt();
                deletions += file.path("deletions").asInt();
            }
            if (files.size() < PAGE_SIZE) {
                break;
            }
        }
        return new Changes(paths, additions, deletions);
    }

    private List<String> labels(String auth, String repo, JsonNode pr, Changes changes) throws Exception {
        List<String> labels = PullRequestLabels.of(pr.path("title").asText(), changes.paths().size());
        github.call("github.issues.labels", auth, GitHubClient.inRepository(repo, "number",
                pr.path("number").asInt()), Map.of("labels", labels));
        return labels;
    }

    private void upsertSummary(String auth, String repo, int number, String body) throws Exception {
        Long existing = null;
        for (int page = 1; page <= MAX_COMMENT_PAGES && existing == null; page++) {
            JsonNode comments = github.call("github.comments.list", auth, GitHubClient.inRepository(repo,
                    "number", number, "per_page", PAGE_SIZE, "page", page), null);
            for (JsonNode comment : comments) {
                if (comment.path("body").asText().contains(PullRequestSummary.MARKER)) {
                    existing = comment.path("id").asLong();
                    break;
                }
            }
            if (comments.size() < PAGE_SIZE) {
                break;
            }
        }
        if (existing != null) {
            github.call("github.comments.update", auth, GitHubClient.inRepository(repo, "commentId", existing),
                    Map.of("body", body));
        } else {
            github.call("github.comments.create", auth, GitHubClient.inRepository(repo, "number", number),
                    Map.of("body", body));
        }
    }

    private void requestReviewers(String auth, String repo, int number, String author) throws Exception {
        List<String> users = reviewers.users().stream().filter(user -> !user.equalsIgnoreCase(author)).toList();
        if (users.isEmpty() && reviewers.teams().isEmpty()) {
            return;
        }
        try {
            github.call("github.pulls.reviewers", auth, GitHubClient.inRepository(repo, "number", number),
                    Map.of("reviewers", users, "team_reviewers", reviewers.teams()));
        } catch (CapabilityFailure failure) {
            // 422: a reviewer is not a collaborator or the team has no access; the original tolerated it too
            if (!Integer.valueOf(422).equals(failure.upstreamStatus())) {
                throw failure;
            }
        }
    }
}
