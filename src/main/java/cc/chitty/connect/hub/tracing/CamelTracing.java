package cc.chitty.connect.hub.tracing;

import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.Slf4JEventListener;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.camel.CamelContext;
import org.apache.camel.observation.MicrometerObservationTracer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts Camel's exchanges into the traces of Spring Boot's Micrometer Tracing (OpenTelemetry SDK, W3C
 * {@code traceparent}). Guarantees: an exchange sent from a thread with a current span (a Spring MVC door, the MCP
 * servlet, a processor inside another route) continues that span's trace; in a sampled trace every route,
 * direct hop, upstream HTTP call and Kafka send is a span (in an unsampled one none is, see
 * {@link SampledOnlyTracer}); an upstream call and a Kafka record carry the {@code traceparent} of their span,
 * and a consumed record's span continues the producer's; log lines carry {@code trace.id} and {@code span.id}.
 * Sampling, propagation and export are Spring Boot's {@code management.tracing} and
 * {@code management.otlp.tracing} settings (see application.yaml).
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
            PropagatingReceiverTracingObservationHandler<?> receivers, Propagator propagator) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(
                new FirstMatchingCompositeObservationHandler(senders, receivers, spans));
        MicrometerObservationTracer camelTracer = new SampledOnlyTracer(propagator);
        camelTracer.setTracer(tracer);
        camelTracer.setObservationRegistry(registry);
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
