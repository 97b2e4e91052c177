package cc.chitty.connect.hub.github.automation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The original's labels: a type from the title's conventional prefix, a size from the number of changed files. */
final class PullRequestLabels {

    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("feat", "type/feature"), Map.entry("feature", "type/feature"),
            Map.entry("fix", "type/bugfix"), Map.entry("bugfix", "type/bugfix"),
            Map.entry("chore", "type/chore"), Map.entry("docs", "type/docs"),
            Map.entry("refactor", "type/refactor"), Map.entry("test", "type/test"),
            Map.entry("perf", "type/performance"), Map.entry("ci", "type/ci"));

    private PullRequestLabels() {
    }

    static List<String> of(String title, int changedFiles) {
        List<String> labels = new ArrayList<>();
        String lower = title == null ? "" : title.trim().toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        if (colon > 0) {
            // "feat(api): …" and "feat!: …" carry the same type as "feat: …"
            String prefix = lower.substring(0, colon).replaceAll("(\\(.*\\))?!?$", "");
            String label = PREFIXES.get(prefix);
            if (label != null) {
                labels.add(label);
            }
        }
        labels.add(size(changedFiles));
        return labels;
    }

    static String size(int changedFiles) {
        if (changedFiles <= 10) {
            return "size/XS";
        }
        if (changedFiles <= 50) {
            return "size/S";
        }
        if (changedFiles <= 200) {
            return "size/M";
        }
        return changedFiles <= 500 ? "size/L" : "size/XL";
    }
}
