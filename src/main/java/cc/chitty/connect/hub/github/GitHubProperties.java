package cc.chitty.connect.hub.github;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code hub.github}: the App's credentials, the two topics, intake and consumer timing, automations. */
@ConfigurationProperties("hub.github")
public record GitHubProperties(String appId, String privateKey, String webhookSecret, String webhookSecretPrevious,
        String topic, String deadLetterTopic, int partitions, Replication replication, Duration topicSetupTimeout,
        Intake intake, Consumer consumer, Duration processedRetention, String installRedirect, Reviewers reviewers,
        Checks checks, Redelivery redelivery, Duration consumerLagInterval, Duration processedCleanupInterval) {

    public GitHubProperties {
        appId = appId == null ? "" : appId;
        privateKey = privateKey == null ? "" : privateKey;
        webhookSecret = webhookSecret == null ? "" : webhookSecret;
        webhookSecretPrevious = webhookSecretPrevious == null ? "" : webhookSecretPrevious;
        installRedirect = installRedirect == null ? "" : installRedirect;
        reviewers = reviewers != null ? reviewers : new Reviewers(List.of(), List.of());
        replication = replication != null ? replication : new Replication(0, 0);
        consumerLagInterval = consumerLagInterval != null ? consumerLagInterval : Duration.ofSeconds(15);
        processedCleanupInterval = processedCleanupInterval != null ? processedCleanupInterval : Duration.ofHours(1);
    }

    /**
     * How the two topics are created. {@code factor} 0: as many replicas as there are brokers, at most 3;
     * {@code minInsyncReplicas} 0: one less than the replication factor, at least 1, so that acks=all survives one
     * broker being down and a record acknowledged is on two brokers once there are three.
     */
    public record Replication(int factor, int minInsyncReplicas) {

        public int factor(int brokers) {
            return factor > 0 ? factor : Math.max(1, Math.min(3, brokers));
        }

        public int minInsyncReplicas(int replicationFactor) {
            return minInsyncReplicas > 0 ? minInsyncReplicas : Math.max(1, replicationFactor - 1);
        }
    }

    /**
     * Producer bounds: together they keep a 503 well inside GitHub's 10 s. {@code kafka}: further options of the
     * Camel Kafka producer endpoint (batching, compression); acks=all and the idempotent producer are not options.
     */
    public record Intake(Duration maxBlock, Duration requestTimeout, Duration deliveryTimeout,
            Map<String, String> kafka) {

        public Intake {
            kafka = kafka != null ? Map.copyOf(kafka) : Map.of();
        }
    }

    /**
     * {@code threads}: consumers per instance, each with partitions of its own (more than the partitions idle).
     * {@code workers}: deliveries this instance applies at once, over all its consumers (records of one key never
     * at once). {@code maxPollRecords}: records per poll, the most one batch holds, bounded so that a batch's worth
     * of failing records of one key is retried within Kafka's {@code max.poll.interval.ms}. {@code pollTimeout}:
     * how long an idle poll waits, which is also how long the last records before a pause wait for their batch.
     * {@code kafka}: further options of the Camel Kafka consumer endpoint (fetch sizes and waits); batching and
     * the manual commit after processing are not options.
     */
    public record Consumer(String groupId, int threads, int workers, int maxPollRecords, Duration pollTimeout,
            int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay, Map<String, String> kafka) {

        public Consumer {
            threads = Math.max(1, threads);
            workers = Math.max(1, workers);
            maxPollRecords = maxPollRecords > 0 ? maxPollRecords : 10;
            pollTimeout = pollTimeout != null ? pollTimeout : Duration.ofMillis(100);
            kafka = kafka != null ? Map.copyOf(kafka) : Map.of();
        }
    }

    public record Reviewers(List<String> users, List<String> teams) {

        public Reviewers {
            users = users != null ? users : List.of();
            teams = teams != null ? teams : List.of();
        }
    }

    public record Checks(String name, String messagePattern, List<String> forbiddenPaths, int maxChangedLines) {

        public Checks {
            messagePattern = messagePattern == null ? "" : messagePattern;
            forbiddenPaths = forbiddenPaths != null ? forbiddenPaths : List.of();
        }
    }

    public record Redelivery(Duration interval, Duration window, int maxPages) {
    }
}
