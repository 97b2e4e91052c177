package cc.chitty.connect.hub.upstream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.springframework.stereotype.Component;

/**
 * Health probes of upstream services. Guarantees: a probe is one request through the service's probe route
 * ({@code direct:upstream.<service>.probe}), never through its circuit breaker or retries, so whatever a health
 * endpoint answers, the breaker that real calls use keeps its state; and an open breaker does not stop a probe
 * from seeing that the service is back.
 */
@Component
public class UpstreamProbes {

    /**
     * What a probe saw.
     *
     * @param answered   whether the service answered at all
     * @param healthy    whether it answered 2xx
     * @param statusCode the status it answered with, when it answered
     * @param errorClass the fault's class when it did not answer 2xx (e.g. {@code network}, {@code timeout})
     */
    public record Result(boolean answered, boolean healthy, Integer statusCode, String errorClass) {
    }

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final FaultClassifier faults;

    UpstreamProbes(CamelContext camel, FaultClassifier faults) {
        this.camel = camel;
        this.producer = camel.createProducerTemplate();
        this.faults = faults;
    }

    /** {@code GET <path>} at the service, e.g. {@code /health}. */
    public Result probe(String service, String path) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(UpstreamCall.METHOD, "GET");
        exchange.setProperty(UpstreamCall.PATH, path);
        Exchange answered = producer.send("direct:upstream." + service + ".probe", exchange);
        if (answered.getException() == null) {
            return new Result(true, true, answered.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE,
                    Integer.class), null);
        }
        Fault fault = faults.classify(answered.getException(), service);
        return new Result(fault.upstreamStatus() != null, false, fault.upstreamStatus(), fault.errorClass().id());
    }
}
