package cc.chitty.connect.hub.github.events;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code githubTopics} health: each topic's replication factor and {@code min.insync.replicas} as the start-up set-up
 * found them. {@code UNDER_REPLICATED} when one falls short of {@code hub.github.replication}: a status of its own
 * that the aggregate and readiness ignore (the hub works, with less durability than asked for), but that an
 * operator reading {@code /actuator/health} sees; UNKNOWN when the broker could not be asked.
 */
@Component("githubTopics")
class GitHubTopicsHealth extends AbstractHealthIndicator {

    static final Status UNDER_REPLICATED = new Status("UNDER_REPLICATED",
            "a topic has a lower replication factor or min.insync.replicas than configured");

    private final GitHubTopics topics;

    GitHubTopicsHealth(GitHubTopics topics) {
        this.topics = topics;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (topics.states().isEmpty()) {
            builder.unknown();
            return;
        }
        boolean underReplicated = false;
        for (GitHubTopics.TopicState state : topics.states()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("replicationFactor", state.replicationFactor());
            detail.put("minInsyncReplicas", state.minInsyncReplicas());
            if (!state.shortfalls().isEmpty()) {
                detail.put("shortfalls", state.shortfalls());
                underReplicated = true;
            }
            builder.withDetail(state.topic(), detail);
        }
        builder.status(underReplicated ? UNDER_REPLICATED : Status.UP);
    }
}
