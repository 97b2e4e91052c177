package cc.chitty.connect.hub.mcp;

import cc.chitty.connect.hub.upstream.ErrorClass;
import cc.chitty.connect.hub.upstream.Fault;

/** A capability route failed; the fault is already classified and safe to show. */
final class CapabilityFailure extends RuntimeException {

    private final transient Fault fault;

    CapabilityFailure(Fault fault) {
        super(fault.detail(), null, false, false);
        this.fault = fault;
    }

    Fault fault() {
        return fault;
    }

    /** Refused by the hub's own check of the request (schema, parameters), before any upstream call. */
    boolean isInvalidRequest() {
        return fault.service() == null && fault.upstreamStatus() == null
                && fault.errorClass() == ErrorClass.VALIDATION;
    }
}
