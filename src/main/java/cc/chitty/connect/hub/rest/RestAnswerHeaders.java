package cc.chitty.connect.hub.rest;

import cc.chitty.connect.hub.web.RequestIdFilter;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * The REST door's last step, once the answer is made (success, failure or refusal) and before the engine writes it:
 * the request id and the rate limit's headers, which the error mapping's clean slate would otherwise have dropped.
 */
@Component("restAnswerHeaders")
class RestAnswerHeaders implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String requestId = exchange.getProperty(RestEdge.REQUEST_ID, String.class);
        if (requestId != null) {
            message.setHeader(RequestIdFilter.HEADER, requestId);
        }
        RestEdge.answerHeaders(exchange).forEach(message::setHeader);
        RestRequestId.done(exchange);
    }
}
