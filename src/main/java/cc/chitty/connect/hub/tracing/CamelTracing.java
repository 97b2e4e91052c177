package cc.chitty.connect.hub.tracing;

import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.Slf4JEventListener;
import org.apache.camel.CamelContext;
import org.apache.camel.observation.MicrometerObservationTracer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts Camel's exchanges into the traces of Spring Boot's Micrometer Tracing (OpenTelemetry SDK, W3C
 * {@code traceparent}). Guarantees: an exchange sent from a thread with a current span (a Spring MVC door, the MCP
 * servlet, the platform-http hand-off, a processor inside another route) continues that span's trace; every route,
 * direct hop, upstream HTTP call and Kafka send is a span; an upstream call and a Kafka record carry the
 * {@code traceparent} of their span, and a consumed record's span continues the producer's; log lines carry
 * {@code trace.id} and {@code span.id}. Sampling, propagation and export are Spring Boot's {@code management.tracing}
 * and {@code management.otlp.tracing} settings (see application.yaml).
 */
@Configuration(proxyBeanMethods = false)
class CamelTracing {

    /**
     * Camel's spans go to the tracing handlers only, through an observation registry of their own: on Boot's
     * registry every route name would also become a Micrometer timer (camel-micrometer measures routes already).
     * Camel starts and stops the tracer as a context service, hence no Spring lifecycle methods.
     */
    @Bean(initMethod = "", destroyMethod = "")
    MicrometerObservationTracer camelTracer(CamelContext camel, Tracer tracer, DefaultTracingObservationHandler spans,
            PropagatingSenderTracingObservationHandler<?> senders,
            PropagatingReceiverTracingObservationHandler<?> receivers) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(
                new FirstMatchingCompositeObservationHandler(senders, receivers, spans));
        MicrometerObservationTracer camelTracer = new MicrometerObservationTracer();
        camelTracer.setTracer(tracer);
        camelTracer.setObservationRegistry(registry);
        // the REST door's server span is Spring MVC's, which read the traceparent; the REST DSL route's own would be
        // a second one, beside it rather than under it, while the exchange continues the first (web/MdcTaskDecorator)
        camelTracer.setExcludePatterns("rest:*");
        camelTracer.setTracingStrategy(new ProcessorSpanScope());
        camelTracer.init(camel);
        return camelTracer;
    }

    /** The MDC keys of the current span under their ECS names, so the JSON log lines read {@code trace.id}. */
    @Bean
    Slf4JEventListener ecsTraceMdc() {
        return new Slf4JEventListener("trace.id", "span.id");
    }
}
