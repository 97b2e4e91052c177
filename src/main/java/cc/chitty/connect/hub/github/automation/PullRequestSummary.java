package cc.chitty.connect.hub.github.automation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The original's "PR Summary" comment, found again and updated in place by its marker. */
final class PullRequestSummary {

    static final String MARKER = "<!-- chitty:summary v1 -->";

    private PullRequestSummary() {
    }

    static String render(JsonNode pr, int files, int additions, int deletions, List<String> labels) {
        int changed = additions + deletions;
        String risk = changed > 500 ? "High" : changed > 200 ? "Medium" : "Low";
        return MARKER + "\n"
                + "## PR Summary\n\n"
                + "**" + pr.path("title").asText() + "**\n\n"
                + "| | |\n|---|---|\n"
                + "| Branch | `" + pr.path("head").path("ref").asText() + "` → `"
                + pr.path("base").path("ref").asText() + "` |\n"
                + "| Author | @" + pr.path("user").path("login").asText() + " |\n"
                + "| State | " + pr.path("state").asText() + " |\n"
                + "| Files | " + files + " |\n"
                + "| Additions / deletions | +" + additions + " / -" + deletions + " |\n"
                + "| Commits | " + pr.path("commits").asInt() + " |\n"
                + "| Risk | " + risk + " |\n"
                + "| Labels | " + String.join(", ", labels) + " |\n\n"
                + "### Review checklist\n"
                + "- [ ] Tests cover the change\n"
                + "- [ ] Documentation updated\n"
                + "- [ ] No secrets or credentials committed\n"
                + "- [ ] Breaking changes called out\n";
    }
}
