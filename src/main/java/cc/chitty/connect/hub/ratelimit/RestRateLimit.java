package cc.chitty.connect.hub.ratelimit;

import cc.chitty.connect.hub.rest.RestEdge;
import cc.chitty.connect.hub.rest.RestOperations;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * One token from the client's bucket in the tier of the capability the route runs ({@code api} unless it has its
 * own); the limit headers go on every answer, and past the limit the answer is 429 with {@code Retry-After}.
 */
@Component("restRateLimit")
class RestRateLimit implements Processor {

    private final RateLimiter limiter;
    private final RestOperations operations;
    private final RestEdge edge;

    RestRateLimit(RateLimiter limiter, RestOperations operations, RestEdge edge) {
        this.limiter = limiter;
        this.operations = operations;
        this.edge = edge;
    }

    @Override
    public void process(Exchange exchange) {
        if (!limiter.enabled()) {
            return;
        }
        RateLimiter.Decision decision = limiter.takeRestCall(RestEdge.client(exchange),
                operations.of(exchange).capability());
        RestEdge.answerWith(exchange, decision.headers());
        if (!decision.allowed()) {
            edge.refuse(exchange, decision.refusal());
        }
    }
}
