package cc.chitty.connect.hub.idempotency;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** The REST door's completion of an {@code Idempotency-Key} claim ({@link RestIdempotency#complete}). */
@Component("restIdempotencyCompletion")
class RestIdempotencyCompletion implements Processor {

    private final RestIdempotency idempotency;

    RestIdempotencyCompletion(RestIdempotency idempotency) {
        this.idempotency = idempotency;
    }

    @Override
    public void process(Exchange exchange) {
        idempotency.complete(exchange);
    }
}
