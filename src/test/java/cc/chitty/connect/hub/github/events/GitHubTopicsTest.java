package cc.chitty.connect.hub.github.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import cc.chitty.connect.hub.github.GitHubProperties;
import cc.chitty.connect.hub.github.GitHubTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The durability the GitHub topics are created with, as the broker reports it, and what happens to less. */
class GitHubTopicsTest extends GitHubTestSupport {

    @Autowired
    private Admin admin;

    @Autowired
    private GitHubProperties properties;

    @Test
    void bothTopicsAreCreatedWithAnExplicitReplicationFactorAndMinInsyncReplicas() throws Exception {
        for (String topic : List.of("github-events", "github-events.dlt")) {
            // one broker here: min(3, 1) replicas and min.insync.replicas of at least 1, set on the topic itself
            assertThat(replicas(topic)).isEqualTo(1);
            ConfigEntry minInsync = config(topic, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
            assertThat(minInsync.value()).isEqualTo("1");
            assertThat(minInsync.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        }
        JsonNode health = parse(asOperator(request("/actuator/health").GET()).body()).at("/components/githubTopics");
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/details/github-events/replicationFactor").asInt()).isEqualTo(1);
        assertThat(health.at("/details/github-events/minInsyncReplicas").asInt()).isEqualTo(1);
    }

    @Test
    void anExistingTopicWithLessDurabilityThanConfiguredIsReportedAndLeftAsItIs() throws Exception {
        String topic = "durability-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
        GitHubTopics topics = new GitHubTopics(wanting(topic, new GitHubProperties.Replication(1, 2)), admin);

        topics.start();
        topics.beforeApplicationStart(null);

        assertThat(topics.states()).filteredOn(state -> state.topic().equals(topic)).singleElement()
                .satisfies(state -> assertThat(state.shortfalls()).containsExactly("min.insync.replicas 1 < 2"));
        assertThat(config(topic, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("1");
        assertThat(new GitHubTopicsHealth(topics).health().getStatus()).isEqualTo(GitHubTopicsHealth.UNDER_REPLICATED);
    }

    private GitHubProperties wanting(String topic, GitHubProperties.Replication replication) {
        GitHubProperties p = properties;
        return new GitHubProperties(p.appId(), p.privateKey(), p.webhookSecret(), p.webhookSecretPrevious(), topic,
                topic + ".dlt", p.partitions(), replication, p.topicSetupTimeout(), p.intake(), p.consumer(),
                p.processedRetention(), p.installRedirect(), p.reviewers(), p.checks(), p.redelivery(),
                p.consumerLagInterval(), p.processedCleanupInterval());
    }

    private int replicas(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                .partitions().stream().mapToInt(p -> p.replicas().size()).min().orElseThrow();
    }

    private ConfigEntry config(String topic, String name) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource).get(name);
    }
}
