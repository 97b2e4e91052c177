package cc.chitty.connect.hub.mcp;

import java.util.Map;

import cc.chitty.connect.hub.audit.ClientHeader;
import cc.chitty.connect.hub.upstream.FaultClassifier;
import cc.chitty.connect.hub.upstream.UpstreamCall;
import cc.chitty.connect.hub.web.RequestIdFilter;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.springframework.stereotype.Component;

/**
 * Calls a capability route ({@code direct:<capability>}) the way the REST door does: the body as the client's
 * JSON, path parameters as headers, the request id and the caller ({@code X-Hub-Client}, which the audit policy
 * reads). A failure comes back classified.
 */
@Component
class CapabilityCalls {

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final FaultClassifier faults;

    CapabilityCalls(CamelContext camel, FaultClassifier faults) {
        this.camel = camel;
        this.producer = camel.createProducerTemplate();
        this.faults = faults;
    }

    /** The capability's answer body; a {@link CapabilityFailure} when it failed. */
    String call(String capability, Object body, Map<String, ?> headers, Caller caller) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(body);
        headers.forEach(exchange.getMessage()::setHeader);
        if (body instanceof String) {
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
        exchange.getMessage().setHeader(RequestIdFilter.HEADER, caller.requestId());
        exchange.getMessage().setHeader(ClientHeader.NAME, caller.client().name());
        Exchange answered = producer.send("direct:" + capability, exchange);
        if (answered.getException() != null) {
            throw new CapabilityFailure(faults.classify(answered.getException(),
                    answered.getProperty(UpstreamCall.SERVICE, String.class)));
        }
        return answered.getMessage().getBody(String.class);
    }
}
