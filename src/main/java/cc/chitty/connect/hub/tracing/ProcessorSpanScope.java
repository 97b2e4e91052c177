package cc.chitty.connect.hub.tracing;

import java.util.Set;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.apache.camel.tracing.ActiveSpanManager;
import org.apache.camel.tracing.SpanAdapter;

/**
 * Makes the exchange's span the thread's current one while a Java step ({@code process}, {@code bean}) runs, so
 * that what the step sends through a ProducerTemplate (a GitHub automation calling a capability) joins the
 * exchange's trace. Camel's tracer alone leaves no current span there once an error handler or the Kafka consumer
 * went asynchronous.
 */
final class ProcessorSpanScope implements InterceptStrategy {

    private static final Set<String> JAVA_STEPS = Set.of("process", "bean");

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
            Processor nextTarget) {
        if (!JAVA_STEPS.contains(definition.getShortName())) {
            return target;
        }
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                SpanAdapter span = ActiveSpanManager.getSpan(exchange);
                if (span == null) {
                    return processor.process(exchange, callback);
                }
                AutoCloseable scope = span.makeCurrent();
                try {
                    return processor.process(exchange, callback);
                } finally {
                    closeQuietly(scope);
                }
            }
        };
    }

    private static void closeQuietly(AutoCloseable scope) {
        try {
            scope.close();
        } catch (Exception ignored) {
            // an observation scope's close declares the exception but never throws it
        }
    }
}
