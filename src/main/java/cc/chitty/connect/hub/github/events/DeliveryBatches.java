package cc.chitty.connect.hub.github.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import cc.chitty.connect.hub.github.GitHubHeaders;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.support.ExchangeHelper;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the records of one poll (the consumer route reads in Kafka's batching mode, on the polling thread).
 * Guarantees: records with the same Kafka key (a repository, else an installation, else a delivery) are applied one
 * after the other in offset order, records of different keys at the same time on a bounded pool shared by the
 * instance's consumers; each record passes {@link GitHubEventRoutes#APPLY} on its own (retries, dead-letter topic) in a
 * span that continues the webhook's trace. A delivery id is applied at most once in effect: the poll's ids already
 * processed are read in one look-up and skipped, as is a later copy of an id its key applied in this poll, and the
 * ids applied are recorded in one write once every key is through, before any offset is committed (a dead-lettered
 * delivery is done but not recorded, so that its replay is applied). A partition's offset is committed,
 * synchronously, only up to its first record that is not done and only once every record before it is. A record
 * that failed even its dead-letter send stops its key and fails the batch: the consumer reconnects and reads again
 * from the committed offset, where the records applied meanwhile are skipped, their ids recorded.
 * Records of a partition this consumer lost in a rebalance since they were polled are left to the new owner.
 */
final class DeliveryBatches implements Processor {

    private static final Logger log = LoggerFactory.getLogger(DeliveryBatches.class);

    private final ProducerTemplate producer;
    private final ProcessedDeliveryIds processed;
    private final ExecutorService workers;
    private final Tracer tracer;
    private final Propagator propagator;
    private final String spanName;

    DeliveryBatches(ProducerTemplate producer, ProcessedDeliveryIds processed, ExecutorService workers, Tracer tracer,
            Propagator propagator, String spanName) {
        this.producer = producer;
        this.processed = processed;
        this.workers = workers;
        this.tracer = tracer;
        this.propagator = propagator;
        this.spanName = spanName;
    }

    @Override
    public void process(Exchange batch) throws Exception {
        @SuppressWarnings("unchecked")
        List<Exchange> records = owned(batch.getMessage().getBody(List.class));
        Map<Object, List<Exchange>> byKey = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (Exchange record : records) {
            byKey.computeIfAbsent(keyOf(record.getMessage()), key -> new ArrayList<>()).add(record);
            String delivery = deliveryOf(record);
            if (delivery != null) {
                ids.add(delivery);
            }
        }
        Set<String> processedBefore = processed.processedAmong(ids);
        Set<Exchange> done = ConcurrentHashMap.newKeySet();
        Set<String> applied = ConcurrentHashMap.newKeySet();
        List<Future<?>> keys = new ArrayList<>(byKey.size());
        for (List<Exchange> sameKey : byKey.values()) {
            keys.add(workers.submit(() -> applyInOrder(sameKey, processedBefore, applied, done)));
        }
        try {
            for (Future<?> key : keys) {
                key.get();
            }
        } finally {
            processed.recordAll(applied);
        }
        commitUpToFirstNotDone(records, done);
    }

    private void applyInOrder(List<Exchange> sameKey, Set<String> processedBefore, Set<String> applied,
            Set<Exchange> done) {
        Set<String> appliedHere = new HashSet<>();
        for (Exchange record : sameKey) {
            String delivery = deliveryOf(record);
            if (processedBefore.contains(delivery) || appliedHere.contains(delivery)) {
                done.add(record);
                continue;
            }
            Span span = propagator.extract(record.getMessage(),
                    (message, name) -> message.getHeader(name, String.class))
                    .name(spanName).kind(Span.Kind.CONSUMER).start();
            try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                producer.send(GitHubEventRoutes.APPLY, record);
            } finally {
                span.end();
            }
            if (record.getException() != null) {
                // the later records of this key wait for this one: they are read again after it
                return;
            }
            // a record without a delivery id (not from the door) has nothing to record
            if (delivery != null && !ExchangeHelper.isFailureHandled(record)) {
                appliedHere.add(delivery);
                applied.add(delivery);
            }
            done.add(record);
        }
    }

    /** Per partition, commits the offset after the last record of the unbroken run of done records from the start. */
    private static void commitUpToFirstNotDone(List<Exchange> records, Set<Exchange> done) {
        Map<Object, KafkaManualCommit> commits = new LinkedHashMap<>();
        Set<Object> stopped = new HashSet<>();
        Exception firstFailure = null;
        for (Exchange record : records) {
            Object partition = record.getMessage().getHeader(KafkaConstants.PARTITION);
            if (stopped.contains(partition)) {
                continue;
            }
            if (!done.contains(record)) {
                stopped.add(partition);
                firstFailure = firstFailure != null ? firstFailure : record.getException();
                continue;
            }
            KafkaManualCommit commit = record.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT,
                    KafkaManualCommit.class);
            if (commit != null) {
                commits.put(partition, commit);
            }
        }
        commits.values().forEach(KafkaManualCommit::commit);
        if (!stopped.isEmpty()) {
            throw new DeliveriesNotApplied(stopped, firstFailure);
        }
    }

    /** The records of partitions the polling consumer still owns (a rebalance runs inside a poll). */
    private static List<Exchange> owned(List<Exchange> records) {
        if (records.isEmpty() || !(records.get(0).getMessage().getHeader(KafkaConstants.MANUAL_COMMIT)
                instanceof DefaultKafkaManualCommit first)) {
            return records;
        }
        Set<TopicPartition> assignment = first.getConsumer().assignment();
        List<Exchange> owned = new ArrayList<>(records.size());
        for (Exchange record : records) {
            if (record.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT) instanceof DefaultKafkaManualCommit commit
                    && !assignment.contains(commit.getPartition())) {
                log.info("GitHub delivery {} left to the new owner of {}", deliveryOf(record), commit.getPartition());
                continue;
            }
            owned.add(record);
        }
        return owned;
    }

    private static String deliveryOf(Exchange record) {
        return record.getMessage().getHeader(GitHubHeaders.DELIVERY, String.class);
    }

    /** The record key; a record without one is ordered with nothing else. */
    private static Object keyOf(Message record) {
        Object key = record.getHeader(KafkaConstants.KEY);
        return key != null ? key : new Object();
    }

    /** Some records of the batch are not done: the consumer reads again from the first of each partition. */
    static final class DeliveriesNotApplied extends RuntimeException {

        DeliveriesNotApplied(Set<Object> partitions, Exception cause) {
            super("GitHub deliveries not applied on partition(s) " + partitions + "; reading them again", cause);
        }
    }
}
