package cc.chitty.connect.hub.web;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.apache.camel.http.common.HttpHeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * Header policy of the platform-http component ({@code #outboundHeaderFilter}), the REST door's one gate for
 * message headers. Guarantees:
 * <ul>
 *   <li>only the headers named here ever leave the hub: Camel would otherwise echo every request header, API keys
 *   included, back into the response;</li>
 *   <li>platform-http maps the request's headers, then its query parameters, into one set of message headers; a
 *   query parameter never joins or replaces a header already there (the request's own, such as the caller and
 *   request id the doors set), and never takes the name of a header the hub answers with or of one a door reads as
 *   the request's own (GitHub's delivery headers), so a query string can neither reach a response header nor an
 *   audit field, nor stand in for a header a webhook left out.</li>
 * </ul>
 * Otherwise incoming headers are filtered as Camel's HTTP components do by default.
 */
@Component("outboundHeaderFilter")
class OutboundHeaderFilter extends HttpHeaderFilterStrategy {

    private static final Set<String> ALLOWED = Set.of("content-type", "content-disposition", "cache-control",
            "location", "etag", "retry-after", "idempotent-replayed", "ratelimit", "ratelimit-policy",
            "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "mcp-session-id",
            "mcp-protocol-version", "www-authenticate", "allow", "x-cache", "x-request-id", "x-content-type-options",
            "x-frame-options", "x-xss-protection", "pragma", "expires");
    // read by the webhook door (github/GitHubHeaders) as GitHub sent them
    private static final Set<String> REQUEST_ONLY = Set.of("x-github-delivery", "x-github-event",
            "x-hub-signature-256");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        String name = headerName.toLowerCase(Locale.ROOT);
        // the servlet engine's RequestIdFilter has written the same id on the response, and a second would be added
        return !ALLOWED.contains(name) || "x-request-id".equals(name) && exchange != null
                && exchange.getIn() instanceof PlatformHttpMessage;
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        if (super.applyFilterToExternalHeaders(headerName, headerValue, exchange)) {
            return true;
        }
        if (exchange == null) {
            return false;
        }
        // the first value under a name wins: request headers are mapped first, query parameters after them
        if (exchange.getIn().getHeader(headerName) != null) {
            return true;
        }
        boolean fromTheQuery = exchange.getIn() instanceof HttpMessage vertx
                && vertx.getRequest().getHeader(headerName) == null;
        String name = headerName.toLowerCase(Locale.ROOT);
        return fromTheQuery && (ALLOWED.contains(name) || REQUEST_ONLY.contains(name));
    }
}
