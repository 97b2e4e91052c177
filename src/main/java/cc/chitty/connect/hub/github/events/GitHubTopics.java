package cc.chitty.connect.hub.github.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import cc.chitty.connect.hub.embedded.EmbeddedKafkaBroker;
import cc.chitty.connect.hub.github.GitHubProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Before Camel starts its routes (its consumers included), makes sure {@code github-events} and its dead-letter
 * topic exist, take records as large as GitHub's 25 MB payloads (a broker's default limit is 1 MB), and are created
 * with an explicit replication factor and {@code min.insync.replicas} ({@code hub.github.replication}; by default
 * {@code min(3, brokers)} and one less than that, at least 1). A topic that already exists with less is not
 * changed (that takes a partition reassignment an operator plans) but reported: a WARN line and the
 * {@code githubTopics} health component. A broker that does not answer in time is logged; the intake then answers
 * 503 until it does. The set-up's Admin round trips run on a thread of their own, started right after the embedded
 * broker (when there is one) has booted, beside the rest of the start-up (the web server's start, reading the
 * routes); Camel's start waits for them.
 */
@Component
class GitHubTopics implements CamelContextConfiguration, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GitHubTopics.class);

    /** What one topic was found with, and what falls short of the configured durability. */
    record TopicState(String topic, int replicationFactor, int minInsyncReplicas, List<String> shortfalls) {
    }

    private final GitHubProperties properties;
    private final Admin admin;
    private volatile CompletableFuture<List<TopicState>> setUp = CompletableFuture.completedFuture(List.of());
    private volatile boolean running;

    GitHubTopics(GitHubProperties properties, @Lazy Admin admin) {
        this.properties = properties;
        this.admin = admin;
    }

    @Override
    public void start() {
        running = true;
        setUp = CompletableFuture.supplyAsync(this::setUp, task -> {
            Thread thread = new Thread(task, "github-topics");
            thread.setDaemon(true);
            thread.start();
        });
    }

    @Override
    public int getPhase() {
        // the embedded broker's start() waits for its boot: the set-up's timeouts do not count a broker still booting
        return EmbeddedKafkaBroker.PHASE + 1;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        setUp.join();
    }

    /** The topics as the set-up found them; empty while it runs and when it could not reach the broker. */
    List<TopicState> states() {
        return setUp.getNow(List.of());
    }

    private List<TopicState> setUp() {
        int timeout = (int) properties.topicSetupTimeout().toMillis();
        try {
            int brokers = admin.describeCluster().nodes().get(timeout, TimeUnit.MILLISECONDS).size();
            int replicationFactor = properties.replication().factor(brokers);
            int minInsync = properties.replication().minInsyncReplicas(replicationFactor);
            String maxBytes = Integer.toString(GitHubEventRoutes.MAX_RECORD_BYTES);
            List<TopicState> found = new ArrayList<>();
            for (String topic : List.of(properties.topic(), properties.deadLetterTopic())) {
                create(topic, replicationFactor, Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes,
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsync)), timeout);
                admin.incrementalAlterConfigs(Map.of(resource(topic),
                        List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes),
                                AlterConfigOp.OpType.SET)))).all().get(timeout, TimeUnit.MILLISECONDS);
                found.add(inspect(topic, replicationFactor, minInsync, timeout));
            }
            return List.copyOf(found);
        } catch (Exception e) {
            log.warn("could not set up the GitHub topics: {}", e.getClass().getSimpleName());
            return List.of();
        }
    }

    private void create(String topic, int replicationFactor, Map<String, String> configs, int timeout)
            throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(topic, properties.partitions(), (short) replicationFactor)
                    .configs(configs))).all().get(timeout, TimeUnit.MILLISECONDS);
            log.info("created {} with replication factor {} and min.insync.replicas {}", topic, replicationFactor,
                    configs.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG));
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private TopicState inspect(String topic, int replicationFactor, int minInsync, int timeout) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(timeout, TimeUnit.MILLISECONDS).get(topic);
        int replicas = description.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
        ConfigEntry entry = admin.describeConfigs(List.of(resource(topic))).all()
                .get(timeout, TimeUnit.MILLISECONDS).get(resource(topic)).get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        int insync = Integer.parseInt(entry.value());
        List<String> shortfalls = new ArrayList<>();
        if (replicas < replicationFactor) {
            shortfalls.add("replication factor " + replicas + " < " + replicationFactor);
        }
        if (insync < minInsync) {
            shortfalls.add("min.insync.replicas " + insync + " < " + minInsync);
        }
        if (!shortfalls.isEmpty()) {
            log.warn("{} exists with {}: acknowledged records are less durable than configured "
                    + "(hub.github.replication); raise them on the broker", topic, String.join(", ", shortfalls));
        }
        return new TopicState(topic, replicas, insync, List.copyOf(shortfalls));
    }

    private static ConfigResource resource(String topic) {
        return new ConfigResource(ConfigResource.Type.TOPIC, topic);
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
    }
}
