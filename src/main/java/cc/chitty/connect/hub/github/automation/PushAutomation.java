package cc.chitty.connect.hub.github.automation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cc.chitty.connect.hub.github.client.InstallationTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/** Push: the compliance check run on the pushed head commit, from its commit messages and changed files. */
@Component
class PushAutomation {

    private static final String DELETED = "0000000000000000000000000000000000000000";

    private final CheckRuns checkRuns;
    private final InstallationTokens tokens;
    private final ComplianceChecks checks;

    PushAutomation(CheckRuns checkRuns, InstallationTokens tokens, ComplianceChecks checks) {
        this.checkRuns = checkRuns;
        this.tokens = tokens;
        this.checks = checks;
    }

    boolean onPush(String delivery, JsonNode payload) throws Exception {
        String after = payload.path("after").asText("");
        long installationId = payload.path("installation").path("id").asLong();
        if (after.isEmpty() || DELETED.equals(after) || installationId == 0) {
            return false;
        }
        List<String> messages = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        for (JsonNode commit : payload.path("commits")) {
            messages.add(commit.path("message").asText());
            commit.path("added").forEach(path -> paths.add(path.asText()));
            commit.path("modified").forEach(path -> paths.add(path.asText()));
        }
        String repo = payload.path("repository").path("full_name").asText();
        checkRuns.create(tokens.authorization(installationId), repo, delivery,
                checks.checkRun(after, checks.evaluate(messages, paths, null)));
        return true;
    }
}
