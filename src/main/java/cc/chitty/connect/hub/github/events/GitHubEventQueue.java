package cc.chitty.connect.hub.github.events;

import cc.chitty.connect.hub.github.GitHubHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

/**
 * Puts a delivery on {@code github-events} and returns only once the broker acknowledged it (acks=all, idempotent
 * producer, see {@link GitHubEventRoutes#ENQUEUE}); throws when it was not acknowledged in time.
 */
@Component
public class GitHubEventQueue {

    private final ProducerTemplate producer;

    GitHubEventQueue(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void publish(GitHubDelivery delivery) throws Exception {
        Exchange result = producer.send(GitHubEventRoutes.ENQUEUE, exchange -> {
            exchange.getMessage().setBody(delivery.payload());
            exchange.getMessage().setHeader(KafkaConstants.KEY, delivery.key());
            exchange.getMessage().setHeader(GitHubHeaders.DELIVERY, delivery.id());
            exchange.getMessage().setHeader(GitHubHeaders.EVENT, delivery.event());
            exchange.getMessage().setHeader(GitHubHeaders.RECEIVED_AT, Long.toString(delivery.receivedAt()));
            if (delivery.replayedBy() != null) {
                exchange.getMessage().setHeader(GitHubHeaders.REPLAYED_BY, delivery.replayedBy());
            }
        });
        if (result.getException() != null) {
            throw result.getException();
        }
    }
}
