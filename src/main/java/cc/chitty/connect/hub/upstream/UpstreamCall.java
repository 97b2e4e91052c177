package cc.chitty.connect.hub.upstream;

/**
 * The exchange properties through which a capability route tells a connector what to call. Properties, not headers:
 * nothing a client sent can reach an upstream unless a capability put it there.
 */
public final class UpstreamCall {

    /** Logical service id; set by the connector itself. */
    public static final String SERVICE = "upstreamService";
    /** HTTP method, e.g. {@code POST}. */
    public static final String METHOD = "upstreamMethod";
    /** Path below the service's base URL, already URL-encoded, e.g. {@code /v1/mint}. */
    public static final String PATH = "upstreamPath";
    /** Optional query string without the leading {@code ?}, already URL-encoded. */
    public static final String QUERY = "upstreamQuery";
    /**
     * Optional {@code Map<String, String>} of request headers the call adds, e.g. {@code X-ChittyID}; an
     * {@code Authorization} here replaces the service's token, for per-call credentials such as a GitHub
     * installation token.
     */
    public static final String HEADERS = "upstreamHeaders";

    private UpstreamCall() {
    }

    static boolean isIdempotent(String method) {
        return switch (method == null ? "" : method) {
            case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
            default -> false;
        };
    }
}
