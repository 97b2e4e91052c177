package cc.chitty.connect.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The committed alert rules and Grafana dashboard name only metrics that a running hub serves: each metric name in
 * their PromQL is found in {@code /actuator/prometheus} after some traffic through every door.
 */
class MonitoringFilesTest extends HubIntegrationTest {

    private static final Path RULES = Path.of("docker/prometheus/alerts.yml");
    private static final Path DASHBOARD = Path.of("docker/grafana/dashboards/chittyconnect-hub.json");
    // series Prometheus makes itself, not the hub
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern CLAUSE = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern NAME = Pattern.compile("(?<![\\w:])[a-zA-Z_:][\\w:]*+(?!\\s*\\()");

    @Test
    void everyMetricTheRulesAndTheDashboardNameIsServedByTheHub() throws Exception {
        Set<String> named = new TreeSet<>();
        ruleExpressions().forEach(expr -> named.addAll(metricNames(expr)));
        dashboardExpressions().forEach(expr -> named.addAll(metricNames(expr)));
        assertThat(named).contains("hub_github_consumer_lag_records", "resilience4j_circuitbreaker_state",
                "hub_github_dead_letters_total", "hub_readiness", "http_server_requests_seconds_count");
        named.removeAll(PROMETHEUS_OWN);

        driveTraffic();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> served().contains("hub_github_events_total"));

        assertThat(served()).containsAll(named);
    }

    /** A REST call, an MCP call and a webhook delivery, so that series created on first use exist. */
    private void driveTraffic() throws Exception {
        String key = newKey();
        assertThat(apiGet("/api/health", key).statusCode()).isEqualTo(200);
        send(request("/mcp").header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("X-ChittyOS-API-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                .build());
        byte[] payload = "{\"zen\":\"Keep it logically awesome.\"}".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-webhook-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(send(request("/integrations/github/webhook").header("Content-Type", "application/json")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).header("X-GitHub-Event", "ping")
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(payload)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build()).statusCode()).isEqualTo(202);
    }

    private Set<String> served() {
        return asOperator(request("/actuator/prometheus").GET()).body().lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static List<String> ruleExpressions() throws Exception {
        Map<String, Object> rules = new Yaml().load(Files.readString(RULES));
        return ((List<Map<String, Object>>) rules.get("groups")).stream()
                .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
                .map(rule -> (String) rule.get("expr")).toList();
    }

    private static List<String> dashboardExpressions() throws Exception {
        JsonNode dashboard = JSON.readTree(Files.readString(DASHBOARD));
        return dashboard.findValues("expr").stream().map(JsonNode::asText).toList();
    }

    /**
     * Names in a PromQL expression: not labels, strings, ranges, functions (a name followed by a parenthesis),
     * keywords, numbers or Grafana variables.
     */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\$\\w+", "");
        bare = CLAUSE.matcher(bare).replaceAll("");
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(bare);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group().toLowerCase())) {
                names.add(m.group());
            }
        }
        return names;
    }
}
