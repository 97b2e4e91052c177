package cc.chitty.connect.hub.upstream;

import java.io.InputStream;

import io.github.resilience4j.retry.Retry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.StreamCache;
import org.apache.camel.support.ExchangeHelper;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Sends each attempt to {@code direct:upstream.<service>.attempt} as a fresh copy of the capability's exchange
 * under the service's {@link Retry}, and takes the first successful result. The last failure is rethrown for the
 * front door to answer. A body that can be read only once (see {@link #repeatable}) gets a retry that never
 * sends it twice.
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
        Object body = exchange.getMessage().getBody();
        Retry retry = retries.forCall(service, exchange.getProperty(UpstreamCall.METHOD, String.class),
                repeatable(body));
        String endpoint = "direct:upstream." + service + ".attempt";
        Exchange result;
        try {
            result = retry.executeCheckedSupplier(() -> {
                if (body instanceof StreamCache cached) {
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

    /** Whether every attempt's copy of the exchange can send the whole body again. */
    static boolean repeatable(Object body) {
        if (body instanceof HttpEntity entity) {
            return entity.isRepeatable();
        }
        return !(body instanceof InputStream) || body instanceof StreamCache;
    }
}
