package cc.chitty.connect.hub.rest;

import cc.chitty.connect.hub.web.RequestIdFilter;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The REST door's first step: the request's id, the client's {@code X-Request-ID} when it is a sane token, a new one
 * otherwise, in the message (where capabilities and the audit read it), the logging MDC, and every answer
 * ({@link RestAnswerHeaders}). Where the engine's own filter set it already (the servlet engine's
 * {@link RequestIdFilter}), the same id is found and kept.
 */
@Component("restRequestId")
class RestRequestId implements Processor {

    private static final String OWNS_MDC = "hub.requestIdInMdc";

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String requestId = RequestIdFilter.idFor(message.getHeader(RequestIdFilter.HEADER, String.class));
        message.setHeader(RequestIdFilter.HEADER, requestId);
        exchange.setProperty(RestEdge.REQUEST_ID, requestId);
        if (!requestId.equals(MDC.get(RequestIdFilter.MDC_KEY))) {
            MDC.put(RequestIdFilter.MDC_KEY, requestId);
            exchange.setProperty(OWNS_MDC, true);
        }
    }

    /** Takes the id out of the MDC again when this step put it there. */
    static void done(Exchange exchange) {
        if (exchange.getProperty(OWNS_MDC) != null) {
            MDC.remove(RequestIdFilter.MDC_KEY);
        }
    }
}
