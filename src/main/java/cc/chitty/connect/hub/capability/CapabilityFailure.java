package cc.chitty.connect.hub.capability;

import cc.chitty.connect.hub.upstream.ErrorClass;
import cc.chitty.connect.hub.upstream.Fault;

/**
 * A capability call failed; the fault is already classified and safe to show. The exception that caused it stays
 * the cause, for logs only.
 */
public final class CapabilityFailure extends RuntimeException {

    private final transient Fault fault;

    public CapabilityFailure(Fault fault) {
        this(fault, null);
    }

    CapabilityFailure(Fault fault, Throwable cause) {
        super(fault.detail(), cause, false, false);
        this.fault = fault;
    }

    public Fault fault() {
        return fault;
    }

    /** The status the upstream answered with, or null when none answered (network, breaker, the hub's own check). */
    public Integer upstreamStatus() {
        return fault.upstreamStatus();
    }

    /** Refused by the hub's own check of the request (schema, parameters), before any upstream call. */
    public boolean isInvalidRequest() {
        return fault.service() == null && fault.upstreamStatus() == null
                && fault.errorClass() == ErrorClass.VALIDATION;
    }
}
