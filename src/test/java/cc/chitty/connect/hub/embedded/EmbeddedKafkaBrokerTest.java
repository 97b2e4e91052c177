package cc.chitty.connect.hub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process broker is a real KRaft broker whose records survive a restart. */
class EmbeddedKafkaBrokerTest {

    @TempDir
    Path logDir;

    @Test
    void anAcknowledgedRecordIsStillThereAfterARestart() throws Exception {
        int port = LoopbackPorts.free();
        int controllerPort = LoopbackPorts.free();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDir, port, controllerPort, null);
        broker.start();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", broker.bootstrapServers(), "acks", "all", "enable.idempotence", "true"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("durability", "delivery-1", "payload")).get();
        }
        broker.stop();

        EmbeddedKafkaBroker restarted = new EmbeddedKafkaBroker(logDir, port, controllerPort, null);
        restarted.start();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", restarted.bootstrapServers(), "group.id", "durability-check",
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("durability"));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            assertThat(records).extracting(ConsumerRecord::key).containsExactly("delivery-1");
            assertThat(records.get(0).value()).isEqualTo("payload");
        } finally {
            restarted.stop();
        }
    }
}
