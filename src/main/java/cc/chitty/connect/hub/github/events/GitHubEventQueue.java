package cc.chitty.connect.hub.github.events;

import cc.chitty.connect.hub.github.GitHubHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

/**
 * Puts a delivery on {@code github-events} and returns only once the broker acknowledged it (acks=all, idempotent
 * producer, see {@link GitHubEventRoutes#ENQUEUE}); throws when it was not acknowledged in time. A route may send
 * to {@link #ENDPOINT} itself, with a message {@link #write written} as a record, to be continued asynchronously
 * when the broker answers.
 */
@Component
public class GitHubEventQueue {

    public static final String ENDPOINT = GitHubEventRoutes.ENQUEUE;

    private final ProducerTemplate producer;

    GitHubEventQueue(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void publish(GitHubDelivery delivery) throws Exception {
        Exchange result = producer.send(ENDPOINT, exchange -> write(exchange.getMessage(), delivery));
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
