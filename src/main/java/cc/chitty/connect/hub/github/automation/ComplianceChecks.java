package cc.chitty.connect.hub.github.automation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cc.chitty.connect.hub.github.GitHubProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;

/**
 * The checks behind the "Chitty Compliance/CI" check run (docs/github.md): every commit message (push) or the pull
 * request title matches {@code message-pattern}; no pushed or changed file matches a {@code forbidden-paths} glob;
 * a pull request changes at most {@code max-changed-lines} lines. A check left unconfigured is skipped, and the
 * run fails when any configured one fails.
 */
@Component
class ComplianceChecks {

    /** The check run's conclusion and the lines of its summary. */
    record Outcome(boolean passed, List<String> findings) {

        String conclusion() {
            return passed ? "success" : "failure";
        }

        String title() {
            return passed ? "All compliance checks passed" : findings.size() + " compliance check(s) failed";
        }
    }

    private final GitHubProperties.Checks checks;
    private final Pattern messagePattern;
    private final AntPathMatcher paths = new AntPathMatcher();

    ComplianceChecks(GitHubProperties properties) {
        this.checks = properties.checks();
        this.messagePattern = checks.messagePattern().isEmpty() ? null : Pattern.compile(checks.messagePattern());
    }

    String name() {
        return checks.name();
    }

    Outcome evaluate(Collection<String> messages, Collection<String> changedPaths, Integer changedLines) {
        List<String> findings = new ArrayList<>();
        if (messagePattern != null) {
            for (String message : messages) {
                String firstLine = message.lines().findFirst().orElse("");
                if (!messagePattern.matcher(firstLine).find()) {
                    findings.add("Message does not match `" + checks.messagePattern() + "`: " + firstLine);
                }
            }
        }
        for (String path : changedPaths) {
            checks.forbiddenPaths().stream().filter(glob -> paths.match(glob, path)).findFirst()
                    .ifPresent(glob -> findings.add("Forbidden file `" + path + "` (matches `" + glob + "`)"));
        }
        if (changedLines != null && checks.maxChangedLines() > 0 && changedLines > checks.maxChangedLines()) {
            findings.add(changedLines + " changed lines, more than the " + checks.maxChangedLines() + " allowed");
        }
        return new Outcome(findings.isEmpty(), List.copyOf(findings));
    }

    /** The check-run request for {@code POST /repos/{owner}/{repo}/check-runs}. */
    Map<String, Object> checkRun(String headSha, Outcome outcome) {
        String summary = outcome.passed() ? "Checked: " + checked()
                : String.join("\n", outcome.findings().stream().map(f -> "- " + f).toList());
        return Map.of("name", name(), "head_sha", headSha, "status", "completed",
                "conclusion", outcome.conclusion(),
                "output", Map.of("title", outcome.title(), "summary", summary));
    }

    private String checked() {
        List<String> names = new ArrayList<>();
        if (messagePattern != null) {
            names.add("message pattern");
        }
        if (!checks.forbiddenPaths().isEmpty()) {
            names.add("forbidden paths");
        }
        if (checks.maxChangedLines() > 0) {
            names.add("change size");
        }
        return names.isEmpty() ? "nothing configured" : String.join(", ", names);
    }
}
