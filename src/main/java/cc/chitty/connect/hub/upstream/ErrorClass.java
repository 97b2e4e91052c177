package cc.chitty.connect.hub.upstream;

import java.util.Locale;

/** What kind of fault a call ended in; front doors map each class to their protocol's error. */
public enum ErrorClass {
    NETWORK,
    TIMEOUT,
    RATE_LIMIT,
    AUTHENTICATION,
    VALIDATION,
    /** The request body is over the size the path accepts. */
    TOO_LARGE,
    NOT_FOUND,
    SERVER,
    /** The service's circuit breaker is open: no call was made. */
    UNAVAILABLE,
    /** The hub itself failed. */
    INTERNAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
