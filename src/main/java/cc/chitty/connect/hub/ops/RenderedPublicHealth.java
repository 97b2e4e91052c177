package cc.chitty.connect.hub.ops;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The public health document serialised ahead of the calls that read it. Guarantees: a call costs no health
 * aggregation and no JSON serialisation, only the bytes rendered last and its own {@code timestamp} (the time of the
 * answer, as before); the rest of the document is at most {@code maxAge} old, and it is never cached while the hub
 * is {@code starting}, so the first call after the doors open already answers 200. The checks it reports are
 * themselves answered from memory ({@link BackgroundHealthChecks}), so a render never touches a dependency; when
 * several calls find the document old, one renders and the others answer the previous one.
 */
final class RenderedPublicHealth {

    /** One rendering: the HTTP status and the document split around its timestamp's value. */
    record Rendered(int status, byte[] head, byte[] tail, long renderedAtNanos) {
    }

    /** Stands for the timestamp in the rendered document, where each answer puts its own. */
    private static final String TIMESTAMP_MARK = "timestamp-of-the-answer";

    private final HealthDocument document;
    private final Map<String, String> endpoints;
    private final ObjectMapper json;
    private final long maxAgeNanos;
    private final Clock clock;
    private final AtomicBoolean rendering = new AtomicBoolean();
    private volatile Rendered last;

    RenderedPublicHealth(HealthDocument document, Map<String, String> endpoints, ObjectMapper json, Duration maxAge,
            Clock clock) {
        this.document = document;
        this.endpoints = endpoints;
        this.json = json;
        this.maxAgeNanos = maxAge.toNanos();
        this.clock = clock;
    }

    Rendered current() {
        Rendered rendered = last;
        if (rendered != null && System.nanoTime() - rendered.renderedAtNanos() < maxAgeNanos) {
            return rendered;
        }
        if (rendered == null) {
            return remember(render());
        }
        if (!rendering.compareAndSet(false, true)) {
            return rendered;
        }
        try {
            return remember(render());
        } finally {
            rendering.set(false);
        }
    }

    /** The {@code timestamp} value of an answer given now, as JSON (ISO-8601, UTC). */
    byte[] timestamp() {
        return ('"' + clock.instant().toString() + '"').getBytes(StandardCharsets.US_ASCII);
    }

    private Rendered remember(Rendered fresh) {
        // while starting, every call looks again, so the switch to 200 is seen at once
        last = fresh.status() == 503 ? null : fresh;
        return fresh;
    }

    private Rendered render() {
        Map<String, Object> body = document.document("chittyconnect", endpoints);
        int status = HealthDocument.STARTING.equals(body.get("status")) ? 503 : 200;
        body.put("timestamp", TIMESTAMP_MARK);
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the health document could not be serialised", e);
        }
        String mark = '"' + TIMESTAMP_MARK + '"';
        int at = text.indexOf(mark);
        return new Rendered(status, text.substring(0, at).getBytes(StandardCharsets.UTF_8),
                text.substring(at + mark.length()).getBytes(StandardCharsets.UTF_8), System.nanoTime());
    }
}
