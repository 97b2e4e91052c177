package cc.chitty.connect.hub.upstream;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.retry.Retry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.StreamCache;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Sends the capability's exchange to {@code direct:upstream.<service>.attempt} under the service's {@link Retry}
 * until an attempt succeeds; the last failure is rethrown for the front door to answer. The exchange itself goes,
 * not a copy in a unit of work of its own (a fifth of a pass-through's CPU, issue 13): the attempt's circuit
 * breaker works on its own copy and writes back only a success, so a failed attempt leaves the request as it was
 * but for its exception, which is cleared before the next. A body that can be read only once (see
 * {@link #repeatable}) gets a retry that never sends it twice.
 */
final class RetryingCall implements Processor {

    private final UpstreamRetries retries;
    private final CamelContext camel;
    // a direct producer finds its route's current consumer on every call, so it outlives a reconnected service
    private final Map<String, Producer> attempts = new ConcurrentHashMap<>();

    RetryingCall(UpstreamRetries retries, CamelContext camel) {
        this.retries = retries;
        this.camel = camel;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String service = exchange.getProperty(UpstreamCall.SERVICE, String.class);
        Object body = exchange.getMessage().getBody();
        Retry retry = retries.forCall(service, exchange.getProperty(UpstreamCall.METHOD, String.class),
                repeatable(body));
        Producer attempt = attempts.computeIfAbsent(service, this::attemptProducer);
        try {
            retry.executeCheckedSupplier(() -> {
                if (body instanceof StreamCache cached) {
                    cached.reset();
                }
                attempt.process(exchange);
                Exception failure = exchange.getException();
                if (failure != null) {
                    exchange.setException(null);
                    throw failure;
                }
                return exchange;
            });
        } catch (Exception e) {
            throw e;
        } catch (Throwable error) {
            throw new IllegalStateException("upstream call failed with an error", error);
        }
    }

    private Producer attemptProducer(String service) {
        try {
            Producer producer = camel.getEndpoint("direct:upstream." + service + ".attempt").createProducer();
            ServiceHelper.startService(producer);
            return producer;
        } catch (Exception e) {
            throw new IllegalStateException("no attempt route for upstream " + service, e);
        }
    }

    /** Whether every attempt can send the whole body again. */
    static boolean repeatable(Object body) {
        if (body instanceof HttpEntity entity) {
            return entity.isRepeatable();
        }
        return !(body instanceof InputStream) || body instanceof StreamCache;
    }
}
