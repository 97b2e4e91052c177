package cc.chitty.connect.hub.rest;

import cc.chitty.connect.hub.web.BodyTooLargeException;
import cc.chitty.connect.hub.web.Refusal;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * 413 for a request whose {@code Content-Length} passes its operation's limit ({@code hub.http.max-body-size}, or
 * the upload's), before any step reads the body. A body of unknown length is held to the limit by the engine as it
 * is read (the servlet engine's {@code BodyLimitFilter}).
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
        }
    }
}
