package cc.chitty.connect.hub.upstream;

import java.util.List;

/**
 * A classified failure, safe to show to a client: the detail is written by the hub, never copied from an
 * exception message, so it cannot carry secrets or stack traces.
 *
 * @param errorClass     what kind of fault
 * @param detail         a sentence for the client
 * @param service        the upstream service id, when an upstream was involved
 * @param upstreamStatus the status the upstream answered with, when it answered
 * @param retryAfterSeconds when the client may retry, or null
 * @param upstreamBody   the upstream's own error body (JSON), when it sent one
 * @param violations     request fields that failed validation
 */
public record Fault(ErrorClass errorClass, String detail, String service, Integer upstreamStatus,
        Long retryAfterSeconds, Object upstreamBody, List<Violation> violations) {

    public record Violation(String field, String message) {
    }

    public static Fault of(ErrorClass errorClass, String detail) {
        return new Fault(errorClass, detail, null, null, null, null, List.of());
    }

    public static Fault invalid(String detail, List<Violation> violations) {
        return new Fault(ErrorClass.VALIDATION, detail, null, null, null, null, List.copyOf(violations));
    }
}
