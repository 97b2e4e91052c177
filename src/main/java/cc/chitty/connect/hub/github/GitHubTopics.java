package cc.chitty.connect.hub.github;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Before Camel starts its routes, makes sure {@code github-events} and its dead-letter topic exist and take
 * records as large as GitHub's 25 MB payloads (a broker's default limit is 1 MB). A broker that does not answer
 * in time is logged; the intake then answers 503 until it does.
 */
@Component
class GitHubTopics implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GitHubTopics.class);

    private final GitHubProperties properties;
    private final Admin admin;

    GitHubTopics(GitHubProperties properties, @Lazy Admin admin) {
        this.properties = properties;
        this.admin = admin;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        int timeout = (int) properties.topicSetupTimeout().toMillis();
        try {
            String maxBytes = Integer.toString(GitHubEventRoutes.MAX_RECORD_BYTES);
            for (String topic : List.of(properties.topic(), properties.deadLetterTopic())) {
                create(topic, maxBytes, timeout);
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                        List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes),
                                AlterConfigOp.OpType.SET)))).all().get(timeout, TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            log.warn("could not set up the GitHub topics: {}", e.getClass().getSimpleName());
        }
    }

    private void create(String topic, String maxBytes, int timeout) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(topic, properties.partitions(), (short) -1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes))))
                    .all().get(timeout, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
    }
}
