package cc.chitty.connect.hub.web;

import java.sql.SQLException;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A request that failed because the hub's database was unreachable (a key, rate-limit or idempotency look-up during a
 * PostgreSQL restart): answered 503 with {@code Retry-After} by every door, never 500.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait: a restart or fail-over takes a few. */
    static final long RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    public static boolean causedIt(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    public static Problem problem() {
        return Problem.of(503, "database-unavailable", "Service Unavailable",
                        "The hub's database is unreachable; try again shortly")
                .with("retryAfter", RETRY_AFTER_SECONDS);
    }
}
