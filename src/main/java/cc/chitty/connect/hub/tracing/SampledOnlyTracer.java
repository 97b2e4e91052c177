package cc.chitty.connect.hub.tracing;

import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.observation.MicrometerObservationTracer;
import org.apache.camel.tracing.InjectAdapter;
import org.apache.camel.tracing.SpanAdapter;
import org.apache.camel.tracing.SpanDecorator;
import org.apache.camel.tracing.SpanKind;
import org.apache.camel.tracing.Tag;

/**
 * Camel's Micrometer tracer, but an exchange that starts under an unsampled span (a door's server span the sampler
 * turned down) gets no spans of its own: each route and endpoint would otherwise start, scope and end an observation
 * that is never recorded, 13 % of a REST pass-through's CPU in a JFR profile (issue 13). Such an exchange carries
 * one {@link UnsampledSpan} standing for the door's span instead, whose context still goes out as the
 * {@code traceparent} of an upstream call or Kafka record, so the callee sees the same trace, unsampled.
 */
class SampledOnlyTracer extends MicrometerObservationTracer {

    private static final String PLATFORM_HTTP = "platform-http";

    private static final AutoCloseable NO_SCOPE = () -> {
    };

    private final Propagator propagator;

    SampledOnlyTracer(Propagator propagator) {
        this.propagator = propagator;
    }

    @Override
    protected SpanAdapter startSendingEventSpan(String operationName, SpanKind kind, SpanAdapter parent,
            Exchange exchange, InjectAdapter injectAdapter) {
        UnsampledSpan unsampled = unsampled(parent);
        return unsampled != null ? unsampled
                : super.startSendingEventSpan(operationName, kind, parent, exchange, injectAdapter);
    }

    @Override
    protected SpanAdapter startExchangeBeginSpan(Exchange exchange, SpanDecorator sd, String operationName,
            SpanKind kind, SpanAdapter parent) {
        UnsampledSpan unsampled = unsampled(parent);
        return unsampled != null ? unsampled
                : super.startExchangeBeginSpan(exchange, sd, serverSpanName(exchange, sd, operationName), kind, parent);
    }

    /**
     * A door's server span is named as OpenTelemetry's HTTP conventions name it, method and route ({@code POST
     * /api/chittyid/mint}), where Camel's decorator gives only the method.
     */
    private static String serverSpanName(Exchange exchange, SpanDecorator sd, String operationName) {
        return PLATFORM_HTTP.equals(sd.getComponent())
                && exchange.getFromEndpoint() instanceof PlatformHttpEndpoint door
                ? operationName + " " + door.getPath() : operationName;
    }

    @Override
    protected void finishSpan(SpanAdapter span) {
        if (!(span instanceof UnsampledSpan)) {
            super.finishSpan(span);
        }
    }

    @Override
    protected void inject(SpanAdapter span, InjectAdapter adapter) {
        if (span instanceof UnsampledSpan unsampled) {
            propagator.inject(unsampled.context, adapter, InjectAdapter::put);
        } else {
            super.inject(span, adapter);
        }
    }

    /** The stand-in for an unsampled trace, or null when the new span may be recorded (or no span is current). */
    private UnsampledSpan unsampled(SpanAdapter parent) {
        if (parent instanceof UnsampledSpan unsampled) {
            return unsampled;
        }
        if (parent != null) {
            return null;
        }
        Span current = getTracer().currentSpan();
        if (current == null || !Boolean.FALSE.equals(current.context().sampled())) {
            return null;
        }
        return new UnsampledSpan(current.context());
    }

    /** An unsampled span's context, on which tags, events and scopes are dropped as the span itself would drop them. */
    static final class UnsampledSpan implements SpanAdapter {

        private final TraceContext context;

        private UnsampledSpan(TraceContext context) {
            this.context = context;
        }

        @Override
        public void setComponent(String component) {
        }

        @Override
        public void setError(boolean error) {
        }

        @Override
        public void setTag(Tag key, String value) {
        }

        @Override
        public void setTag(Tag key, Number value) {
        }

        @Override
        public void setTag(String key, String value) {
        }

        @Override
        public void setTag(String key, Number value) {
        }

        @Override
        public void setTag(String key, Boolean value) {
        }

        @Override
        public void setLowCardinalityTag(Tag key, String value) {
        }

        @Override
        public void setLowCardinalityTag(Tag key, Number value) {
        }

        @Override
        public void setLowCardinalityTag(String key, String value) {
        }

        @Override
        public void setLowCardinalityTag(String key, Number value) {
        }

        @Override
        public void setLowCardinalityTag(String key, Boolean value) {
        }

        @Override
        public void log(Map<String, String> fields) {
        }

        @Override
        public String traceId() {
            return context.traceId();
        }

        @Override
        public String spanId() {
            return context.spanId();
        }

        @Override
        public AutoCloseable makeCurrent() {
            // the door's span, which this one stands for, is current on the request thread already
            return NO_SCOPE;
        }
    }
}
