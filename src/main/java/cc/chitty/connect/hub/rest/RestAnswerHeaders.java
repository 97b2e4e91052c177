package cc.chitty.connect.hub.rest;

import cc.chitty.connect.hub.web.AnswerHeaders;
import cc.chitty.connect.hub.web.RequestIdFilter;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * The REST door's last step, once the answer is made (success, failure or refusal) and before the engine writes it:
 * the request id and the rate limit's headers, which the error mapping's clean slate would otherwise have dropped,
 * and the security headers Spring Security's header writer gives every other answer of the hub (no sniffing, no
 * framing, not stored by caches unless the answer says how it may be).
 */
@Component("restAnswerHeaders")
class RestAnswerHeaders implements Processor {

    @Override
    public void process(Exchange exchange) {
        putOn(exchange);
    }

    /**
     * Also called by a refusal and by the error mapping: an edge step runs before the route's completion steps are
     * registered (Camel places a route configuration's {@code interceptFrom} ahead of its {@code onCompletion}), so
     * an answer made there would otherwise leave without them. Setting the headers twice is harmless.
     */
    static void putOn(Exchange exchange) {
        Message message = exchange.getMessage();
        String requestId = exchange.getProperty(RestEdge.REQUEST_ID, String.class);
        if (requestId != null) {
            message.setHeader(RequestIdFilter.HEADER, requestId);
        }
        RestEdge.answerHeaders(exchange).forEach(message::setHeader);
        boolean ownCaching = message.getHeader("Cache-Control") != null;
        AnswerHeaders.SECURITY.forEach((name, value) -> {
            if (!ownCaching || !AnswerHeaders.CACHING.contains(name)) {
                message.setHeader(name, value);
            }
        });
        RestRequestId.done(exchange);
    }
}
