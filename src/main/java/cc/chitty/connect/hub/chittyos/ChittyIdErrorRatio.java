package cc.chitty.connect.hub.chittyos;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * {@code hub_chittyid_error_ratio}, the v2.2 report's "error rate &lt; 1 %": of the real calls to ChittyID since
 * start-up (the chittyid breaker's own call metrics, so probes never count), the share that failed (5xx, timeout,
 * no connection) or was refused by the open breaker. The service's 4xx answers count as answered calls.
 */
@Component
class ChittyIdErrorRatio {

    ChittyIdErrorRatio(MeterRegistry meters) {
        Gauge.builder("hub.chittyid.error.ratio", meters, ChittyIdErrorRatio::ratio)
                .description("Share of real ChittyID calls since start-up that failed or were refused by the breaker")
                .register(meters);
    }

    private static double ratio(MeterRegistry meters) {
        double failed = calls(meters, "failed") + refused(meters);
        double all = failed + calls(meters, "successful") + calls(meters, "ignored");
        return all == 0 ? 0 : failed / all;
    }

    private static double calls(MeterRegistry meters, String kind) {
        return meters.find("resilience4j.circuitbreaker.calls").tag("name", "chittyid").tag("kind", kind).timers()
                .stream().mapToDouble(Timer::count).sum();
    }

    private static double refused(MeterRegistry meters) {
        return meters.find("resilience4j.circuitbreaker.not.permitted.calls").tag("name", "chittyid").counters()
                .stream().mapToDouble(Counter::count).sum();
    }
}
