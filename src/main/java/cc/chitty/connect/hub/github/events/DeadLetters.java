package cc.chitty.connect.hub.github.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cc.chitty.connect.hub.github.GitHubHeaders;
import cc.chitty.connect.hub.github.GitHubProperties;
import cc.chitty.connect.hub.kafka.KafkaClientProperties;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The dead-letter topic as operators see it: every record, with its error headers and whether its delivery has
 * been processed since (a replay that succeeded); and the replay, which puts unprocessed deliveries back on
 * {@code github-events} unchanged. The topic itself is never rewritten: the idempotent consumer makes a second
 * replay of a processed delivery a no-op.
 */
@Component
class DeadLetters {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_EMPTY_POLLS = 20;

    /** One dead-lettered record. */
    record DeadLetter(String delivery, String event, String key, int partition, long offset,
            Map<String, String> error, boolean processed) {
    }

    private final GitHubProperties properties;
    private final KafkaClientProperties kafka;
    private final JdbcMessageIdRepository processed;
    private final GitHubEventQueue queue;

    DeadLetters(GitHubProperties properties, KafkaClientProperties kafka,
            @Qualifier(GitHubEventRoutes.REPOSITORY) JdbcMessageIdRepository processed, GitHubEventQueue queue) {
        this.properties = properties;
        this.kafka = kafka;
        this.processed = processed;
        this.queue = queue;
    }

    List<DeadLetter> list() {
        List<DeadLetter> letters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : readAll()) {
            letters.add(new DeadLetter(header(record, GitHubHeaders.DELIVERY), header(record, GitHubHeaders.EVENT),
                    record.key(), record.partition(), record.offset(), errorOf(record),
                    processed.contains(header(record, GitHubHeaders.DELIVERY))));
        }
        return letters;
    }

    /**
     * Replays the unprocessed dead letters of one delivery ({@code delivery} non-null) or of all, once per
     * delivery id, and returns the delivery ids sent back.
     */
    List<String> replay(String delivery, String operator) throws Exception {
        Map<String, ConsumerRecord<String, byte[]>> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : readAll()) {
            String id = header(record, GitHubHeaders.DELIVERY);
            if (id != null && (delivery == null || delivery.equals(id)) && !processed.contains(id)) {
                latest.put(id, record);
            }
        }
        for (ConsumerRecord<String, byte[]> record : latest.values()) {
            String receivedAt = header(record, GitHubHeaders.RECEIVED_AT);
            queue.publish(new GitHubDelivery(header(record, GitHubHeaders.DELIVERY),
                    header(record, GitHubHeaders.EVENT), record.key(), record.value(),
                    receivedAt == null ? System.currentTimeMillis() : Long.parseLong(receivedAt), operator));
        }
        return List.copyOf(latest.keySet());
    }

    boolean contains(String delivery) {
        return readAll().stream().anyMatch(record -> delivery.equals(header(record, GitHubHeaders.DELIVERY)));
    }

    private List<ConsumerRecord<String, byte[]>> readAll() {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "hub-dead-letters");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, GitHubEventRoutes.MAX_RECORD_BYTES);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(properties.deadLetterTopic(),
                    Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                return records;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, Duration.ofSeconds(5));
            int emptyPolls = 0;
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                    && emptyPolls < MAX_EMPTY_POLLS) {
                var polled = consumer.poll(POLL);
                emptyPolls = polled.isEmpty() ? emptyPolls + 1 : 0;
                polled.forEach(record -> {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                });
            }
        }
        return records;
    }

    private static Map<String, String> errorOf(ConsumerRecord<String, byte[]> record) {
        Map<String, String> error = new LinkedHashMap<>();
        for (String name : List.of(GitHubHeaders.ERROR_CLASS, GitHubHeaders.ERROR_DETAIL,
                GitHubHeaders.ERROR_EXCEPTION, GitHubHeaders.ERROR_SERVICE, GitHubHeaders.ERROR_UPSTREAM_STATUS,
                GitHubHeaders.ATTEMPTS, GitHubHeaders.FAILED_AT, GitHubHeaders.ORIGIN)) {
            String value = header(record, name);
            if (value != null) {
                error.put(name, value);
            }
        }
        return error;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
