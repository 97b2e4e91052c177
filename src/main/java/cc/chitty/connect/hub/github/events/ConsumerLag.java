package cc.chitty.connect.hub.github.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import cc.chitty.connect.hub.github.GitHubProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code hub_github_consumer_lag_records}: the records of {@code github-events} that the consumer group has not
 * committed yet, summed over partitions. Read from the broker every {@code hub.github.consumer-lag-interval} (15 s;
 * route {@code github.consumer-lag}), so every instance reports the lag of the whole group; -1 while the broker does
 * not answer.
 */
@Component
class ConsumerLag extends RouteBuilder {

    static final String MEASURE = "direct:github.consumer-lag";

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);
    private static final int TIMEOUT_MS = 5000;

    private final String topic;
    private final String groupId;
    private final Admin client;
    private final AtomicLong lag = new AtomicLong(-1);
    private final long interval;

    ConsumerLag(GitHubProperties properties, @Lazy Admin admin, MeterRegistry meters) {
        this.topic = properties.topic();
        this.groupId = properties.consumer().groupId();
        this.client = admin;
        this.interval = properties.consumerLagInterval().toMillis();
        Gauge.builder("hub.github.consumer.lag", lag, AtomicLong::get)
                .description("Records of the topic the consumer group has not committed; -1 when unknown")
                .baseUnit("records").tag("topic", topic).tag("group", groupId).register(meters);
    }

    @Override
    public void configure() {
        from("timer:github.consumer-lag?period=" + interval + "&delay=" + interval).routeId("github.consumer-lag.timer")
                .to(MEASURE);
        from(MEASURE).routeId("github.consumer-lag")
                .process(exchange -> exchange.getMessage().setBody(measure()));
    }

    private long measure() {
        try {
            lag.set(uncommitted());
        } catch (Exception e) {
            log.warn("could not read the lag of {} on {}: {}", groupId, topic, e.getClass().getSimpleName());
            lag.set(-1);
        }
        return lag.get();
    }

    private long uncommitted() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        client.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic)
                .partitions().forEach(p -> {
                    latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                    earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                });
        Map<TopicPartition, ListOffsetsResultInfo> ends = client.listOffsets(latest).all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> starts = client.listOffsets(earliest).all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        long total = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata position = committed.get(end.getKey());
            // a partition the group never committed is read from its earliest record (autoOffsetReset=earliest)
            long from = position != null ? position.offset() : starts.get(end.getKey()).offset();
            total += Math.max(0, end.getValue().offset() - from);
        }
        return total;
    }
}
