package cc.chitty.connect.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Camel's Kafka component reaches the hub's broker: a record produced with acks=all is consumed back. */
class KafkaBackboneTest extends HubIntegrationTest {

    @Autowired
    private ProducerTemplate producer;

    @Autowired
    private ConsumerTemplate consumer;

    @Test
    void aRecordSentThroughCamelIsReadBack() {
        producer.sendBodyAndHeader("kafka:hub-selftest?requestRequiredAcks=all", "round trip",
                "kafka.KEY", "k1");

        String body = consumer.receiveBody("kafka:hub-selftest?groupId=selftest&autoOffsetReset=earliest",
                30_000, String.class);

        assertThat(body).isEqualTo("round trip");
    }
}
