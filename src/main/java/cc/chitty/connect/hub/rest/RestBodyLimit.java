package cc.chitty.connect.hub.rest;

import cc.chitty.connect.hub.web.BodyTooLargeException;
import cc.chitty.connect.hub.web.Refusal;
import io.vertx.core.buffer.Buffer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.StreamCache;
import org.springframework.stereotype.Component;

/**
 * 413 for a request whose body passes its operation's limit ({@code hub.http.max-body-size}, or the upload's),
 * before any step reads it: by its {@code Content-Length}, or, for a body of unknown length (chunked), by what the
 * engine read ahead of the route: a JSON body whole (at most the largest limit), an upload spooled up to one byte
 * past its own limit ({@code edge/SpoolingConsumer}).
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
        if ((announced != null ? announced : readAhead(exchange.getMessage().getBody())) > limit) {
            edge.refuse(exchange, Refusal.of(new BodyTooLargeException(limit).problem()));
        }
    }

    private static long readAhead(Object body) {
        if (body instanceof Buffer read) {
            return read.length();
        }
        return body instanceof StreamCache spooled ? spooled.length() : 0;
    }
}
