package cc.chitty.connect.hub.github.automation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import cc.chitty.connect.hub.github.GitHubHeaders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies one GitHub delivery: the automation for its event, then a ChittyChronicle entry for every handled event.
 * An event or action without automation is recorded (metric {@code hub_github_events_total{outcome="ignored"}})
 * and completes normally. Any failure is thrown, for the consumer's retries and dead-letter topic.
 */
@Component
public class GitHubEventProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(GitHubEventProcessor.class);
    /** Exchange property counting tries of this record; a property, as the dead-letter path restores the message. */
    public static final String ATTEMPTS = "githubAttempts";

    private final PushAutomation push;
    private final PullRequestAutomation pullRequests;
    private final InstallationEvents installationEvents;
    private final InstallationEntities installations;
    private final ChronicleLog chronicle;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;

    GitHubEventProcessor(PushAutomation push, PullRequestAutomation pullRequests,
            InstallationEvents installationEvents, InstallationEntities installations, ChronicleLog chronicle,
            ObjectMapper mapper, MeterRegistry meters) {
        this.push = push;
        this.pullRequests = pullRequests;
        this.installationEvents = installationEvents;
        this.installations = installations;
        this.chronicle = chronicle;
        this.mapper = mapper;
        this.meters = meters;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        exchange.setProperty(ATTEMPTS, exchange.getProperty(ATTEMPTS, 0, Integer.class) + 1);
        Message message = exchange.getMessage();
        String delivery = message.getHeader(GitHubHeaders.DELIVERY, String.class);
        String event = message.getHeader(GitHubHeaders.EVENT, String.class);
        JsonNode payload = mapper.readTree(message.getBody(byte[].class));
        boolean handled = switch (event == null ? "" : event) {
            case "push" -> push.onPush(delivery, payload);
            case "pull_request" -> pullRequests.onPullRequest(delivery, payload);
            case "issue_comment" -> pullRequests.onComment(payload);
            case "installation" -> installationEvents.onInstallation(payload);
            case "installation_repositories" -> installationEvents.onRepositories(payload);
            default -> false;
        };
        String action = payload.path("action").asText("");
        if (handled) {
            chronicle.record("github." + event + (action.isEmpty() ? "" : "." + action), entityOf(payload),
                    summaryOf(delivery, payload));
        } else {
            log.debug("GitHub delivery {} ({} {}) recorded; no automation for it", delivery, event, action);
        }
        Counter.builder("hub.github.events").tag("event", event == null ? "" : event)
                .tag("outcome", handled ? "handled" : "ignored").register(meters).increment();
        String receivedAt = message.getHeader(GitHubHeaders.RECEIVED_AT, String.class);
        if (receivedAt != null) {
            Timer.builder("hub.github.event.latency").tag("event", event == null ? "" : event)
                    .description("From the webhook's receipt to the end of its processing")
                    .publishPercentiles(0.5, 0.99).register(meters)
                    .record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - Long.parseLong(receivedAt))));
        }
    }

    private String entityOf(JsonNode payload) {
        return installations.entityOf(payload.path("installation").path("id").asLong());
    }

    private static Map<String, Object> summaryOf(String delivery, JsonNode payload) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("delivery", delivery);
        data.put("installationId", payload.path("installation").path("id").asLong());
        data.put("repository", payload.path("repository").path("full_name").asText(null));
        data.put("sender", payload.path("sender").path("login").asText(null));
        return data;
    }
}
