package cc.chitty.connect.hub.mcp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cc.chitty.connect.hub.web.BufferedBodyRequest;
import cc.chitty.connect.hub.web.FilterOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.modern.McpHttp;
import io.modelcontextprotocol.modern.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the resources a 2026-07-28 {@code subscriptions/listen} stream subscribes to with {@link ResourceUpdates}
 * for as long as the stream is open, so the hub knows someone is listening ({@link SubscribedResourcesRefresh}). A
 * listen request names itself in the {@code Mcp-Method} header, which the SDK requires and checks against the body;
 * the SDK serves the stream, this filter only watches it begin and end. Runs after authentication: a refused request
 * counts for nothing.
 */
@Component
@Order(FilterOrder.MCP_LISTEN_SUBSCRIPTIONS)
class ListenSubscriptions extends OncePerRequestFilter {

    private final ResourceUpdates updates;
    private final ObjectMapper mapper;

    ListenSubscriptions(ResourceUpdates updates, ObjectMapper mapper) {
        this.updates = updates;
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/mcp".equals(request.getRequestURI())
                || !McpSchema.METHOD_SUBSCRIPTIONS_LISTEN.equals(request.getHeader(McpHttp.Headers.MCP_METHOD));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        List<ResourceUpdates.Subscription> held = new ArrayList<>();
        subscribedUris(body).forEach(uri -> held.add(updates.subscribe(uri)));
        Runnable release = () -> held.forEach(ResourceUpdates.Subscription::close);
        try {
            chain.doFilter(new BufferedBodyRequest(request, body), response);
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new StreamEnd(release));
            } else {
                release.run();
            }
        }
    }

    private Set<String> subscribedUris(byte[] body) {
        Set<String> uris = new LinkedHashSet<>();
        try {
            JsonNode message = mapper.readTree(body);
            if (message != null) {
                message.path("params").path("notifications")
                        .path(McpSchema.SubscriptionFilter.RESOURCE_SUBSCRIPTIONS)
                        .forEach(uri -> uris.add(uri.asText()));
            }
        } catch (IOException notJson) {
            // the SDK answers a parse error itself
        }
        return uris;
    }
}
