package cc.chitty.connect.hub.edge;

/**
 * The position of every path the hub mounts on the public port's router, in the order a request meets them (lower
 * first). Camel's REST routes take the positions Vert.x gives them as they start, between {@link #OWN_PATHS} and
 * {@link #FORWARD}, whenever routes are (re)loaded.
 */
public final class PublicRouteOrder {

    /** 503 {@code starting} until the doors open. */
    public static final int STARTING = Integer.MIN_VALUE;
    /** A body refused as too large is not read to its end (edge/RefusedBodyHangUp). */
    public static final int BODY_WATCH = Integer.MIN_VALUE + 1;
    /** CORS, and for /api the encoded-path and body-type refusals (web/PublicEdgeGate). */
    public static final int EDGE_CHECKS = Integer.MIN_VALUE + 5;
    /** /health, /openapi.json, and the operator paths' 404. */
    public static final int OWN_PATHS = Integer.MIN_VALUE + 10;
    /** MCP's plain tools/call, answered here (mcp/PublicToolCalls); every other MCP request goes on to Tomcat. */
    public static final int MCP_TOOL_CALLS = Integer.MIN_VALUE + 11;
    /** Everything else that is not the REST door's goes to Tomcat. */
    public static final int FORWARD = Integer.MAX_VALUE;

    private PublicRouteOrder() {
    }
}
