package cc.chitty.connect.hub.web;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.http.common.HttpHeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * Header policy of the platform-http component ({@code #outboundHeaderFilter}). Camel would echo every request
 * header, API keys included, back into the response; only the headers named here ever leave the hub. Incoming
 * headers are filtered as Camel's HTTP components do by default.
 */
@Component("outboundHeaderFilter")
class OutboundHeaderFilter extends HttpHeaderFilterStrategy {

    private static final Set<String> ALLOWED = Set.of("content-type", "content-disposition", "cache-control",
            "location", "etag", "retry-after", "idempotent-replayed", "ratelimit", "ratelimit-policy",
            "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "mcp-session-id",
            "mcp-protocol-version", "www-authenticate", "allow", "x-cache");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !ALLOWED.contains(headerName.toLowerCase(Locale.ROOT));
    }
}
