package cc.chitty.connect.hub.github.automation;

import java.util.LinkedHashMap;
import java.util.Map;

import cc.chitty.connect.hub.github.client.GitHubClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates a delivery's check run at most once. Each run carries the delivery id as its {@code external_id}; the
 * first attempt for a delivery is recorded before GitHub is called, and any later attempt (a retry after a later
 * step failed, or a re-read after a crash between GitHub's answer and the processed mark) first lists the commit's
 * runs of that name and creates none if the delivery's is there.
 */
@Component
class CheckRuns {

    private final GitHubClient github;
    private final JdbcClient jdbc;

    CheckRuns(GitHubClient github, JdbcClient jdbc) {
        this.github = github;
        this.jdbc = jdbc;
    }

    void create(String authorization, String repo, String delivery, Map<String, Object> checkRun) throws Exception {
        boolean firstAttempt = jdbc.sql("INSERT INTO github_check_run_attempts (delivery_id) VALUES (:delivery)"
                + " ON CONFLICT DO NOTHING").param("delivery", delivery).update() == 1;
        if (!firstAttempt && exists(authorization, repo, delivery, checkRun)) {
            return;
        }
        Map<String, Object> request = new LinkedHashMap<>(checkRun);
        request.put("external_id", delivery);
        github.call("github.checkruns.create", authorization, GitHubClient.inRepository(repo), request);
    }

    private boolean exists(String authorization, String repo, String delivery, Map<String, Object> checkRun)
            throws Exception {
        JsonNode runs = github.call("github.checkruns.list", authorization, GitHubClient.inRepository(repo,
                "sha", checkRun.get("head_sha"), "check_name", checkRun.get("name")), null);
        for (JsonNode run : runs.path("check_runs")) {
            if (delivery.equals(run.path("external_id").asText())) {
                return true;
            }
        }
        return false;
    }
}
