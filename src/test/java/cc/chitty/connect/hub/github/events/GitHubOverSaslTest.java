package cc.chitty.connect.hub.github.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cc.chitty.connect.hub.github.GitHubHeaders;
import cc.chitty.connect.hub.github.GitHubTestSupport;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A broker that takes SASL/PLAIN logins only (the embedded broker, given the credentials of {@code hub.kafka}):
 * every Kafka client of the hub gets through it with the one configuration block. A context of its own, closed
 * afterwards.
 */
@TestPropertySource(properties = {"hub.kafka.security-protocol=SASL_PLAINTEXT", "hub.kafka.sasl.mechanism=PLAIN",
        "hub.kafka.sasl.username=hub", "hub.kafka.sasl.password=sasl-test-secret",
        // the shared context, still open, holds the hub's Spring-exported MBean names
        "spring.jmx.enabled=false"})
@DirtiesContext
class GitHubOverSaslTest extends GitHubTestSupport {

    @Autowired
    private ProducerTemplate producer;

    @Test
    void aDeliveryIsQueuedConsumedAndMeasuredThroughASaslListener() {
        String id = newDeliveryId();

        assertThat(deliver(id, "watch", json(Map.of("action", "started"))).statusCode()).isEqualTo(202);

        assertThat(header(readBack(id), GitHubHeaders.EVENT)).isEqualTo("watch");
        eventually().until(() -> jdbc().sql("SELECT count(*) FROM camel_messageprocessed WHERE messageid = :id")
                .param("id", id).query(Integer.class).single() == 1);
        eventually().until(() -> producer.requestBody(ConsumerLag.MEASURE, null, Long.class) == 0);
        assertThat(asOperator(request("/actuator/prometheus").GET()).body())
                .contains("hub_github_consumer_lag_records{application=\"chittyconnect-hub\","
                        + "group=\"chittyconnect-github\",topic=\"github-events\"} 0.0");
        assertThat(parse(asOperator(request("/actuator/health").GET()).body())
                .at("/components/kafka/status").asText()).isEqualTo("UP");
        assertThat(asOperator(request("/admin/github/dead-letters").GET()).statusCode()).isEqualTo(200);
    }
}
