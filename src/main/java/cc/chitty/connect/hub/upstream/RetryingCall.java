package cc.chitty.connect.hub.upstream;

import io.github.resilience4j.retry.Retry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.StreamCache;
import org.apache.camel.support.ExchangeHelper;

/**
 * Sends each attempt to {@code direct:upstream.<service>.attempt} as a fresh copy of the capability's exchange
 * under the service's {@link Retry}, and takes the first successful result. The last failure is rethrown for the
 * front door to answer.
 */
final class RetryingCall implements Processor {

    private final UpstreamRetries retries;
    private final ProducerTemplate producer;

    RetryingCall(UpstreamRetries retries, ProducerTemplate producer) {
        this.retries = retries;
        this.producer = producer;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String service = exchange.getProperty(UpstreamCall.SERVICE, String.class);
        Retry retry = retries.forCall(service, exchange.getProperty(UpstreamCall.METHOD, String.class));
        String endpoint = "direct:upstream." + service + ".attempt";
        Exchange result;
        try {
            result = retry.executeCheckedSupplier(() -> {
                if (exchange.getMessage().getBody() instanceof StreamCache cached) {
                    cached.reset();
                }
                Exchange attempt = producer.send(endpoint, exchange.copy());
                if (attempt.getException() != null) {
                    throw attempt.getException();
                }
                return attempt;
            });
        } catch (Exception e) {
            throw e;
        } catch (Throwable error) {
            throw new IllegalStateException("upstream call failed with an error", error);
        }
        ExchangeHelper.copyResults(exchange, result);
    }
}
