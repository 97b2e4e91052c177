package cc.chitty.connect.hub.web;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.Ordered;

/**
 * The position of every servlet filter of the hub, in one place, in the order a request meets them (lower runs
 * first). Spring Boot's own filters sit between them: character encoding at {@link Ordered#HIGHEST_PRECEDENCE}, the
 * HTTP server observation at {@code HIGHEST_PRECEDENCE + 1}, the form content filter at -9900, the request context
 * filter at -105, and Spring Security's filter chains at {@link #SECURITY}. {@code FilterOrderTest} reads the order
 * back from the running container. The REST door's policies are not here: they are steps of its Camel routes
 * ({@code rest/RestDoorRouteConfiguration}), where any engine runs them.
 */
public final class FilterOrder {

    /** The request id first, so that every answer, refusals included, carries it. */
    public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;
    /** 503 {@code starting} until the doors open. */
    public static final int STARTING = Ordered.HIGHEST_PRECEDENCE + 1;
    /** CORS before anything that needs credentials: a preflight carries none. */
    public static final int CORS = Ordered.HIGHEST_PRECEDENCE + 4;
    /** Percent-encoded or {@code ;}-parameter paths to the key doors, refused before any check reads the path. */
    public static final int ENCODED_PATH = Ordered.HIGHEST_PRECEDENCE + 5;
    /** The MCP transports' Origin check, right after CORS, before authentication. */
    public static final int MCP_ORIGIN = Ordered.HIGHEST_PRECEDENCE + 6;
    /** Body limits (413) before anything reads a body. */
    public static final int BODY_LIMIT = Ordered.HIGHEST_PRECEDENCE + 10;
    /** 415 for a body of the wrong type, before it is read. */
    public static final int JSON_CONTENT_TYPE = Ordered.HIGHEST_PRECEDENCE + 20;
    /** Spring Security's filter chains (MCP's credentials, operator, public): Boot's {@code spring.security.filter.order}. */
    public static final int SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER;
    /** The per-client rate limit, once authentication has named the client (not the REST door's: its routes'). */
    public static final int RATE_LIMIT = SECURITY + 5;
    /** MCP's JSON-RPC params shape. */
    public static final int MCP_JSON_RPC_PARAMS = SECURITY + 7;
    /** Binds a legacy SSE session to the key that opened it. */
    public static final int MCP_LEGACY_SSE_SESSIONS = SECURITY + 8;
    /** Counts a 2026-07-28 listen stream's resource subscriptions while it is open. */
    public static final int MCP_LISTEN_SUBSCRIPTIONS = SECURITY + 9;
    /** Read-only GETs to Jolokia, after the operator's authentication. */
    public static final int JOLOKIA_GET_GUARD = Ordered.LOWEST_PRECEDENCE;

    private FilterOrder() {
    }
}
