package cc.chitty.connect.hub.context;

import java.time.Instant;
import java.util.Map;

/**
 * Where the context initialisation stands, as {@code /health} and the {@code context} health indicator show it.
 *
 * @param phase       see {@link Phase}
 * @param chittyid    the context's ChittyID, once minted
 * @param steps       each step's outcome: {@code ok}, {@code skipped} or the failure's class
 * @param attempts    runs so far in this process
 * @param nextAttempt when the next run is due, if one is scheduled
 */
record ContextState(Phase phase, String chittyid, Map<String, String> steps, int attempts, Instant nextAttempt) {

    enum Phase {
        /** {@code hub.context.enabled} is false. */
        DISABLED,
        /** Not run yet, or another instance holds the run. */
        PENDING,
        RUNNING,
        /** Every step has succeeded, now or at an earlier start. */
        COMPLETE,
        /** The identity and keys exist; a soft step (DNA, register, verify, certify) failed and will be retried. */
        PARTIAL,
        /** A hard step (mint, key provisioning) failed; retried with backoff. */
        FAILED
    }

    static ContextState initial(boolean enabled) {
        return new ContextState(enabled ? Phase.PENDING : Phase.DISABLED, null, Map.of(), 0, null);
    }

    ContextState scheduled(Instant next) {
        return new ContextState(phase, chittyid, steps, attempts, next);
    }
}
