package cc.chitty.connect.hub.github.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import cc.chitty.connect.hub.capability.CapabilityRouteConfiguration;
import cc.chitty.connect.hub.github.GitHubHeaders;
import cc.chitty.connect.hub.github.GitHubProperties;
import cc.chitty.connect.hub.github.automation.GitHubEventProcessor;
import cc.chitty.connect.hub.upstream.ErrorClass;
import cc.chitty.connect.hub.upstream.Fault;
import cc.chitty.connect.hub.upstream.FaultClassifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.ExchangeBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pattern for the GitHub consumer route without Kafka or PostgreSQL: the topic replaced by a SEDA queue that
 * takes a poll's records as one list (as Kafka's batching mode hands them over; the route stays asynchronous and
 * NotifyBuilder waits for it), the dead-letter topic by a MockEndpoint, the shared repository by a memory one and
 * the automations by a Mockito mock.
 */
class GitHubConsumerRouteTest {

    private static final int MAX_ATTEMPTS = 3;

    private final DefaultCamelContext context = new DefaultCamelContext();
    private final GitHubEventProcessor automations = mock(GitHubEventProcessor.class);
    private final ProcessedInMemory processed = new ProcessedInMemory();
    private ProducerTemplate topic;
    private MockEndpoint deadLetters;

    @BeforeEach
    void loadTheConsumerRouteAlone() throws Exception {
        FaultClassifier faults = mock(FaultClassifier.class);
        when(faults.classify(any(), any())).thenReturn(Fault.of(ErrorClass.SERVER, "an automation failed"));
        context.getRegistry().bind(GitHubEventRoutes.REPOSITORY, processed);
        context.addRoutes(new CapabilityRouteConfiguration());
        context.addRoutes(new GitHubEventRoutes(properties(), automations, new DeadLetterHeaders(faults),
                new SimpleMeterRegistry(), Tracer.NOOP, Propagator.NOOP));
        AdviceWith.adviceWith(context, GitHubEventRoutes.CONSUMER_ROUTE,
                route -> route.replaceFromWith("seda:github-events"));
        AdviceWith.adviceWith(context, "github.dead-letter",
                route -> route.weaveByToUri("kafka:*").replace().to("mock:github-events.dlt"));
        context.start();
        topic = context.createProducerTemplate();
        deadLetters = context.getEndpoint("mock:github-events.dlt", MockEndpoint.class);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aRedeliveredDeliveryIsAppliedOnce() throws Exception {
        NotifyBuilder bothPolls = new NotifyBuilder(context).fromRoute(GitHubEventRoutes.CONSUMER_ROUTE).whenDone(2)
                .create();

        poll(record("repository:1", 0, 0, "delivery-1"));
        poll(record("repository:1", 0, 1, "delivery-1"));

        assertThat(bothPolls.matches(10, TimeUnit.SECONDS)).isTrue();
        verify(automations, times(1)).process(any());
    }

    @Test
    void twoCopiesOfADeliveryInOnePollAreAppliedOnceAndRecordedAsProcessed() throws Exception {
        NotifyBuilder polled = new NotifyBuilder(context).fromRoute(GitHubEventRoutes.CONSUMER_ROUTE).whenDone(1)
                .create();

        poll(record("repository:1", 0, 0, "delivery-3"), record("repository:1", 0, 1, "delivery-3"));

        assertThat(polled.matches(10, TimeUnit.SECONDS)).isTrue();
        verify(automations, times(1)).process(any());
        assertThat(processed.ids).containsExactly("delivery-3");
    }

    @Test
    void aDeadLetteredDeliveryIsNotRecordedAsProcessedSoThatItsReplayIsApplied() throws Exception {
        doThrow(new IllegalStateException("boom")).when(automations).process(any());
        deadLetters.expectedMessageCount(1);
        NotifyBuilder polled = new NotifyBuilder(context).fromRoute(GitHubEventRoutes.CONSUMER_ROUTE).whenDone(1)
                .create();

        poll(record("repository:1", 0, 0, "delivery-4"));

        assertThat(polled.matches(10, TimeUnit.SECONDS)).isTrue();
        deadLetters.assertIsSatisfied();
        assertThat(processed.ids).isEmpty();
    }

    @Test
    void aDeliveryThatKeepsFailingIsDeadLetteredWithItsErrorClassAfterTheLastAttempt() throws Exception {
        doThrow(new IllegalStateException("boom")).when(automations).process(any());
        deadLetters.expectedMessageCount(1);
        deadLetters.expectedHeaderReceived(GitHubHeaders.DELIVERY, "delivery-2");
        deadLetters.expectedHeaderReceived(GitHubHeaders.ERROR_CLASS, ErrorClass.SERVER.id());

        poll(record("repository:1", 0, 0, "delivery-2"));

        deadLetters.assertIsSatisfied();
        verify(automations, times(MAX_ATTEMPTS)).process(any());
    }

    @Test
    void oneRepositorysDeliveriesAreAppliedInOrderWhileAnotherRepositorysAreAppliedAtTheSameTime() throws Exception {
        List<String> applied = new CopyOnWriteArrayList<>();
        CountDownLatch otherRepositoryApplied = new CountDownLatch(1);
        doAnswer(call -> {
            String delivery = call.getArgument(0, Exchange.class).getMessage().getHeader(GitHubHeaders.DELIVERY,
                    String.class);
            if (delivery.equals("a-1")) {
                // applied one after the other, b-1 would come only after this wait gave up
                otherRepositoryApplied.await(10, TimeUnit.SECONDS);
            }
            applied.add(delivery);
            if (delivery.equals("b-1")) {
                otherRepositoryApplied.countDown();
            }
            return null;
        }).when(automations).process(any());
        NotifyBuilder polled = new NotifyBuilder(context).fromRoute(GitHubEventRoutes.CONSUMER_ROUTE).whenDone(1)
                .create();

        poll(record("repository:a", 0, 0, "a-1"), record("repository:a", 0, 1, "a-2"),
                record("repository:a", 0, 2, "a-3"), record("repository:b", 0, 3, "b-1"));

        assertThat(polled.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(applied).containsExactly("b-1", "a-1", "a-2", "a-3");
    }

    @Test
    void theOffsetIsCommittedUpToTheFirstRecordThatIsNotDoneAndTheRestIsReadAgain() throws Exception {
        doAnswer(call -> {
            if ("bad".equals(call.getArgument(0, Exchange.class).getMessage().getHeader(GitHubHeaders.DELIVERY))) {
                throw new IllegalStateException("boom");
            }
            return null;
        }).when(automations).process(any());
        // not even the dead-letter topic takes it: the record is not done
        deadLetters.whenAnyExchangeReceived(exchange -> {
            throw new IllegalStateException("broker down");
        });
        Exchange first = record("repository:a", 0, 0, "ok-1");
        Exchange failing = record("repository:b", 0, 1, "bad");
        Exchange afterIt = record("repository:a", 0, 2, "ok-2");
        Exchange otherPartition = record("repository:c", 1, 7, "ok-3");
        NotifyBuilder polled = new NotifyBuilder(context).fromRoute(GitHubEventRoutes.CONSUMER_ROUTE).whenFailed(1)
                .create();

        poll(first, failing, afterIt, otherPartition);

        assertThat(polled.matches(30, TimeUnit.SECONDS)).isTrue();
        verify(commitOf(first)).commit();
        verify(commitOf(failing), never()).commit();
        verify(commitOf(afterIt), never()).commit();
        verify(commitOf(otherPartition)).commit();
    }

    private void poll(Exchange... records) {
        topic.sendBody("seda:github-events", List.of(records));
    }

    private Exchange record(String key, int partition, long offset, String delivery) {
        return ExchangeBuilder.anExchange(context).withBody("{}".getBytes())
                .withHeader(GitHubHeaders.DELIVERY, delivery).withHeader(KafkaConstants.KEY, key)
                .withHeader(KafkaConstants.PARTITION, partition).withHeader(KafkaConstants.OFFSET, offset)
                .withHeader(KafkaConstants.MANUAL_COMMIT, mock(KafkaManualCommit.class)).build();
    }

    private static KafkaManualCommit commitOf(Exchange record) {
        return record.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
    }

    private static GitHubProperties properties() {
        Duration second = Duration.ofSeconds(1);
        return new GitHubProperties("", "", "", "", "github-events", "github-events.dlt", 1, null, second,
                new GitHubProperties.Intake(second, second, second, Map.of()),
                new GitHubProperties.Consumer("hub", 1, 4, 10, Duration.ofMillis(100), MAX_ATTEMPTS,
                        Duration.ofMillis(1), 2.0, Duration.ofMillis(10), Map.of()),
                Duration.ofDays(1), "", null, null, new GitHubProperties.Redelivery(Duration.ZERO, second, 1),
                null, null);
    }

    /** The shared repository's stand-in: the processed ids in memory. */
    private static final class ProcessedInMemory implements ProcessedDeliveryIds {

        private final Set<String> ids = ConcurrentHashMap.newKeySet();

        @Override
        public Set<String> processedAmong(Collection<String> candidates) {
            Set<String> found = new HashSet<>(candidates);
            found.retainAll(ids);
            return found;
        }

        @Override
        public void recordAll(Collection<String> applied) {
            ids.addAll(applied);
        }
    }
}
