package cc.chitty.connect.hub.github.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One webhook delivery as it travels through Kafka: GitHub's delivery id and event name, the record key, the raw
 * payload bytes exactly as signed, when the hub accepted it, and who replayed it (null unless replayed).
 */
public record GitHubDelivery(String id, String event, String key, byte[] payload, long receivedAt, String replayedBy) {

    /**
     * Per repository: GitHub's events for one repository (a pull request opened, then synchronized) are applied in
     * the order they were received, and every copy of one delivery lands on the same partition. Events without a
     * repository are keyed by installation, then by delivery. See docs/github.md.
     */
    public static String keyOf(JsonNode payload, String deliveryId) {
        JsonNode repository = payload.path("repository").path("id");
        if (repository.canConvertToLong()) {
            return "repository:" + repository.asLong();
        }
        JsonNode installation = payload.path("installation").path("id");
        if (installation.canConvertToLong()) {
            return "installation:" + installation.asLong();
        }
        return "delivery:" + deliveryId;
    }
}
