package cc.chitty.connect.hub.rest;

import java.io.InputStream;

import cc.chitty.connect.hub.web.BodyTooLargeException;
import cc.chitty.connect.hub.web.BoundedBody;
import cc.chitty.connect.hub.web.Refusal;
import io.vertx.core.buffer.Buffer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * 413 for a request whose {@code Content-Length} passes its operation's limit ({@code hub.http.max-body-size}, or
 * the upload's), before any step reads the body. A body of unknown length (chunked) is held to the same limit as it
 * is read: a body the engine read whole (at most the largest limit) by its length, an upload's stream through
 * {@link BoundedBody}, which fails the step that reads past the limit, and the route answers 413.
 */
@Component("restBodyLimit")
class RestBodyLimit implements Processor {

    private final RestOperations operations;
    private final RestEdge edge;

    RestBodyLimit(RestOperations operations, RestEdge edge) {
        this.operations = operations;
        this.edge = edge;
    }

    @Override
    public void process(Exchange exchange) {
        Long announced = exchange.getMessage().getHeader(Exchange.CONTENT_LENGTH, Long.class);
        long limit = operations.of(exchange).bodyLimit();
        if (announced != null && announced > limit) {
            edge.refuse(exchange, Refusal.of(new BodyTooLargeException(limit).problem()));
        } else if (announced == null && exchange.getMessage().getBody() instanceof Buffer read && read.length() > limit) {
            edge.refuse(exchange, Refusal.of(new BodyTooLargeException(limit).problem()));
        } else if (announced == null && exchange.getMessage().getBody() instanceof InputStream body) {
            exchange.getMessage().setBody(new BoundedBody(body, limit));
        }
    }
}
