package cc.chitty.connect.hub.github.events;

/**
 * One webhook delivery as it travels through Kafka: GitHub's delivery id and event name, the record key, the raw
 * payload bytes exactly as signed, when the hub accepted it, and who replayed it (null unless replayed).
 */
public record GitHubDelivery(String id, String event, String key, byte[] payload, long receivedAt, String replayedBy) {

    /**
     * Per repository: GitHub's events for one repository (a pull request opened, then synchronized) are applied in
     * the order they were received, and every copy of one delivery lands on the same partition. Events without a
     * repository are keyed by installation, then by delivery. See docs/github.md. {@code repositoryId} and
     * {@code installationId} are the payload's {@code repository.id} and {@code installation.id}, null when absent.
     */
    public static String keyOf(Long repositoryId, Long installationId, String deliveryId) {
        if (repositoryId != null) {
            return "repository:" + repositoryId;
        }
        if (installationId != null) {
            return "installation:" + installationId;
        }
        return "delivery:" + deliveryId;
    }
}
