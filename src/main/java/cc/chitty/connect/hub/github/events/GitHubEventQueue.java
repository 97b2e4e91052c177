package cc.chitty.connect.hub.github.events;

import cc.chitty.connect.hub.github.GitHubHeaders;
import cc.chitty.connect.hub.github.GitHubProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

/**
 * Puts a delivery on {@code github-events} and returns only once the broker acknowledged it (acks=all, idempotent
 * producer, delivery bounded by {@code hub.github.intake}); throws when it was not acknowledged in time. A route may
 * send to {@link #endpoint()} itself, with a message {@link #write written} as a record, and goes on once the broker
 * answered (on the sending thread with {@code hub.github.intake.kafka.synchronous}, on the Kafka component's pool
 * without it). The Kafka endpoint itself, not a {@code direct:} route in front of it:
 * a hop per delivery would cost the door a route, its unit of work and two more spans (issue 13).
 */
@Component
public class GitHubEventQueue {

    private final ProducerTemplate producer;
    private final String endpoint;

    GitHubEventQueue(ProducerTemplate producer, GitHubProperties properties) {
        this.producer = producer;
        GitHubProperties.Intake intake = properties.intake();
        this.endpoint = "kafka:" + properties.topic() + "?requestRequiredAcks=all&enableIdempotence=true"
                + "&maxBlockMs=" + intake.maxBlock().toMillis()
                + "&requestTimeoutMs=" + intake.requestTimeout().toMillis()
                + "&deliveryTimeoutMs=" + intake.deliveryTimeout().toMillis()
                + "&maxRequestSize=" + GitHubEventRoutes.MAX_RECORD_BYTES + GitHubEventRoutes.BYTES_OUT
                + GitHubEventRoutes.options(intake.kafka());
    }

    /** The producer endpoint of {@code github-events}; an exchange sent there is answered once the broker acked. */
    public String endpoint() {
        return endpoint;
    }

    public void publish(GitHubDelivery delivery) throws Exception {
        Exchange result = producer.send(endpoint, exchange -> write(exchange.getMessage(), delivery));
        if (result.getException() != null) {
            throw result.getException();
        }
    }

    /** Makes {@code message} the delivery's record: its payload and headers, and nothing else of what it held. */
    public static void write(Message message, GitHubDelivery delivery) {
        message.getHeaders().clear();
        message.setBody(delivery.payload());
        message.setHeader(KafkaConstants.KEY, delivery.key());
        message.setHeader(GitHubHeaders.DELIVERY, delivery.id());
        message.setHeader(GitHubHeaders.EVENT, delivery.event());
        message.setHeader(GitHubHeaders.RECEIVED_AT, Long.toString(delivery.receivedAt()));
        if (delivery.replayedBy() != null) {
            message.setHeader(GitHubHeaders.REPLAYED_BY, delivery.replayedBy());
        }
    }
}
