package cc.chitty.connect.hub.github.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import cc.chitty.connect.hub.capability.CapabilityRouteConfiguration;
import cc.chitty.connect.hub.github.GitHubHeaders;
import cc.chitty.connect.hub.github.GitHubProperties;
import cc.chitty.connect.hub.github.automation.GitHubEventProcessor;
import cc.chitty.connect.hub.upstream.ErrorClass;
import cc.chitty.connect.hub.upstream.Fault;
import cc.chitty.connect.hub.upstream.FaultClassifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pattern for the GitHub consumer route without Kafka or PostgreSQL: the topic replaced by a SEDA queue (so
 * the route stays asynchronous and NotifyBuilder waits for it), the dead-letter topic by a MockEndpoint, the
 * shared repository by a memory one and the automations by a Mockito mock.
 */
class GitHubConsumerRouteTest {

    private static final int MAX_ATTEMPTS = 3;

    private final DefaultCamelContext context = new DefaultCamelContext();
    private final GitHubEventProcessor automations = mock(GitHubEventProcessor.class);
    private ProducerTemplate topic;
    private MockEndpoint deadLetters;

    @BeforeEach
    void loadTheConsumerRouteAlone() throws Exception {
        FaultClassifier faults = mock(FaultClassifier.class);
        when(faults.classify(any(), any())).thenReturn(Fault.of(ErrorClass.SERVER, "an automation failed"));
        context.getRegistry().bind(GitHubEventRoutes.REPOSITORY,
                MemoryIdempotentRepository.memoryIdempotentRepository());
        context.addRoutes(new CapabilityRouteConfiguration());
        context.addRoutes(new GitHubEventRoutes(properties(), automations, new DeadLetterHeaders(faults),
                new SimpleMeterRegistry()));
        AdviceWith.adviceWith(context, GitHubEventRoutes.CONSUMER_ROUTE,
                route -> route.replaceFromWith("seda:github-events"));
        AdviceWith.adviceWith(context, "github.dead-letter",
                route -> route.weaveByToUri("kafka:*").replace().to("mock:github-events.dlt"));
        AdviceWith.adviceWith(context, "github.enqueue",
                route -> route.weaveByToUri("kafka:*").replace().to("mock:github-events"));
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
        NotifyBuilder bothRecords = new NotifyBuilder(context).whenDone(2).create();

        topic.sendBodyAndHeader("seda:github-events", "{}".getBytes(), GitHubHeaders.DELIVERY, "delivery-1");
        topic.sendBodyAndHeader("seda:github-events", "{}".getBytes(), GitHubHeaders.DELIVERY, "delivery-1");

        assertThat(bothRecords.matches(10, TimeUnit.SECONDS)).isTrue();
        verify(automations, times(1)).process(any());
    }

    @Test
    void aDeliveryThatKeepsFailingIsDeadLetteredWithItsErrorClassAfterTheLastAttempt() throws Exception {
        doThrow(new IllegalStateException("boom")).when(automations).process(any());
        deadLetters.expectedMessageCount(1);
        deadLetters.expectedHeaderReceived(GitHubHeaders.DELIVERY, "delivery-2");
        deadLetters.expectedHeaderReceived(GitHubHeaders.ERROR_CLASS, ErrorClass.SERVER.id());

        topic.sendBodyAndHeader("seda:github-events", "{}".getBytes(), GitHubHeaders.DELIVERY, "delivery-2");

        deadLetters.assertIsSatisfied();
        verify(automations, times(MAX_ATTEMPTS)).process(any());
    }

    private static GitHubProperties properties() {
        Duration second = Duration.ofSeconds(1);
        return new GitHubProperties("", "", "", "", "github-events", "github-events.dlt", 1, null, second,
                new GitHubProperties.Intake(second, second, second, Map.of()),
                new GitHubProperties.Consumer("hub", 1, 10, MAX_ATTEMPTS, Duration.ofMillis(1), 2.0,
                        Duration.ofMillis(10), Map.of()),
                Duration.ofDays(1), "", null, null, new GitHubProperties.Redelivery(Duration.ZERO, second, 1),
                null, null);
    }
}
