package cc.chitty.connect.hub.mcp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * What one MCP session (legacy SSE or 2025-xx Streamable HTTP) is subscribed to, counted with
 * {@link ResourceUpdates} as the SDK records it for itself: from each {@code resources/subscribe} the session sent
 * and the SDK accepted, until its {@code resources/unsubscribe} or the session's end.
 */
final class SessionSubscriptions {

    private final Map<String, ResourceUpdates.Subscription> held = new ConcurrentHashMap<>();
    private volatile boolean ended;

    /** Follows a message the session posted, once the SDK answered it without an HTTP error. */
    void follow(JsonNode message, Supplier<ResourceUpdates> updates) {
        String uri = message == null ? null : message.path("params").path("uri").asText(null);
        if (uri == null) {
            return;
        }
        String method = message.path("method").asText();
        if (McpSchema.METHOD_RESOURCES_SUBSCRIBE.equals(method)) {
            held.computeIfAbsent(uri, updates.get()::subscribe);
            if (ended) {
                // the session ended meanwhile
                endAll();
            }
        } else if (McpSchema.METHOD_RESOURCES_UNSUBSCRIBE.equals(method)) {
            release(uri);
        }
    }

    /** The session ended: nothing it subscribed to counts any more. */
    void endAll() {
        ended = true;
        held.keySet().forEach(this::release);
    }

    private void release(String uri) {
        ResourceUpdates.Subscription subscription = held.remove(uri);
        if (subscription != null) {
            subscription.close();
        }
    }
}
