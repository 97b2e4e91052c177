package cc.chitty.connect.hub.github.events;

import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import cc.chitty.connect.hub.capability.CapabilityRouteConfiguration;
import cc.chitty.connect.hub.github.GitHubHeaders;
import cc.chitty.connect.hub.github.GitHubProperties;
import cc.chitty.connect.hub.github.automation.GitHubEventProcessor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommitFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The Kafka side of the GitHub App. Guarantees: a record is produced with acks=all by an idempotent producer
 * ({@link GitHubEventQueue}); the consumer applies a delivery id at most once in effect (ids looked up and recorded a
 * poll at a time in the shared JDBC repository, an id recorded only after success), records of one key in order and
 * of different keys in parallel ({@link DeliveryBatches}), and commits a record's offset only after it and every record before it in its
 * partition were processed or sent to the dead-letter topic; a record that still fails after
 * {@code hub.github.consumer.max-attempts} goes to {@code github-events.dlt} with the error in its headers; if even
 * that fails, the consumer goes back to the record rather than skipping it.
 */
@Component
@EnableConfigurationProperties(GitHubProperties.class)
class GitHubEventRoutes extends RouteBuilder {

    static final String DEAD_LETTER = "direct:github.dead-letter";
    static final String APPLY = "direct:github.apply";
    static final String CONSUMER_ROUTE = "github.events";
    static final String REPOSITORY = "githubDeliveries";
    static final String PROCESSOR_NAME = "github-deliveries";

    static final String BYTES_OUT =
            "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer";
    // a 25 MB delivery plus headers; the topics are created with the same limit (GitHubTopics)
    static final int MAX_RECORD_BYTES = 27 * 1024 * 1024;

    private final GitHubProperties properties;
    private final GitHubEventProcessor processor;
    private final DeadLetterHeaders deadLetterHeaders;
    private final Counter deadLettered;
    private final Tracer tracer;
    private final Propagator propagator;

    GitHubEventRoutes(GitHubProperties properties, GitHubEventProcessor processor,
            DeadLetterHeaders deadLetterHeaders, MeterRegistry meters, Tracer tracer, Propagator propagator) {
        this.properties = properties;
        this.processor = processor;
        this.deadLetterHeaders = deadLetterHeaders;
        this.tracer = tracer;
        this.propagator = propagator;
        // registered now, not on the first dead letter: an alert on it needs the series to exist at 0
        this.deadLettered = Counter.builder("hub.github.dead.letters").tag("topic", properties.deadLetterTopic())
                .description("Records this instance put on the dead-letter topic").register(meters);
    }

    @Override
    public void configure() {
        GitHubProperties.Consumer consumer = properties.consumer();

        // batching: a poll's records are one exchange, applied by DeliveryBatches, which commits on this thread;
        // batchingIntervalMs 1: what a poll brought is dispatched when the next poll returns, not once a batch is
        // full; an idle poll returns after pollTimeoutMs
        from("kafka:" + properties.topic() + "?groupId=" + consumer.groupId() + "&consumersCount=" + consumer.threads()
                + "&batching=true&batchingIntervalMs=1&maxPollRecords=" + consumer.maxPollRecords()
                + "&pollTimeoutMs=" + consumer.pollTimeout().toMillis()
                + "&autoOffsetReset=earliest&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true"
                // one synchronous commit per partition and batch, after its records were processed
                + "&kafkaManualCommitFactory=#class:" + DefaultKafkaManualCommitFactory.class.getName()
                + "&maxPartitionFetchBytes=" + MAX_RECORD_BYTES
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
                + options(consumer.kafka()))
                .routeId(CONSUMER_ROUTE).routeConfigurationId(CapabilityRouteConfiguration.ID)
                .process(new DeliveryBatches(getContext().createProducerTemplate(),
                        getContext().getRegistry().lookupByNameAndType(REPOSITORY, ProcessedDeliveryIds.class),
                        getContext().getExecutorServiceManager().newFixedThreadPool(this, "GitHubDeliveries",
                                consumer.workers()), tracer, propagator, properties.topic()));

        from(APPLY).routeId("github.apply").routeConfigurationId(CapabilityRouteConfiguration.ID)
                .errorHandler(deadLetterChannel(DEAD_LETTER)
                        // a failure to dead-letter fails the record: DeliveryBatches stops its key, commits before
                        // it and fails the batch, and the consumer reads it again instead of skipping it
                        .deadLetterHandleNewException(false)
                        .useOriginalMessage()
                        .maximumRedeliveries(consumer.maxAttempts() - 1)
                        .redeliveryDelay(consumer.initialDelay().toMillis())
                        .useExponentialBackOff()
                        .backOffMultiplier(consumer.multiplier())
                        .maximumRedeliveryDelay(consumer.maxDelay().toMillis())
                        .retryAttemptedLogLevel(LoggingLevel.WARN)
                        .logExhausted(true)
                        .logExhaustedMessageHistory(false))
                // the delivery ids are looked up and recorded by DeliveryBatches, a poll at a time
                .process(processor);

        from(DEAD_LETTER).routeId("github.dead-letter").routeConfigurationId(CapabilityRouteConfiguration.ID)
                .process(deadLetterHeaders)
                .to("kafka:" + properties.deadLetterTopic() + "?requestRequiredAcks=all&enableIdempotence=true"
                        + "&maxRequestSize=" + MAX_RECORD_BYTES + BYTES_OUT)
                .process(exchange -> deadLettered.increment())
                .log(LoggingLevel.WARN, "GitHub delivery ${header." + GitHubHeaders.DELIVERY + "} sent to "
                        + properties.deadLetterTopic() + " after ${header." + GitHubHeaders.ATTEMPTS + "} attempts");

        // without the App's credentials there is nothing to ask GitHub
        if (!properties.redelivery().interval().isZero() && !properties.appId().isBlank()) {
            from("timer:github.redelivery?delay=60000&period=" + properties.redelivery().interval().toMillis())
                    .routeId("github.redelivery").routeConfigurationId(CapabilityRouteConfiguration.ID)
                    .bean("redeliveryReconciler", "run");
        }
    }

    /** {@code &name=value} for each configured endpoint option, in name order. */
    static String options(Map<String, String> options) {
        StringBuilder uri = new StringBuilder();
        new TreeMap<>(options).forEach((name, value) -> uri.append('&').append(name).append('=').append(value));
        return uri.toString();
    }

    @Configuration(proxyBeanMethods = false)
    static class Repository {

        /** {@code camel_messageprocessed} (Flyway V4), shared by every instance on the database. */
        @Bean(REPOSITORY)
        ProcessedDeliveries githubDeliveries(DataSource dataSource) {
            return new ProcessedDeliveries(dataSource, PROCESSOR_NAME);
        }
    }
}
