package cc.chitty.connect.hub.mcp;

import java.util.List;

import cc.chitty.connect.hub.changes.AnswerChanges;
import io.modelcontextprotocol.modern.server.feature.McpChangeFeed;
import io.modelcontextprotocol.modern.server.feature.ServerChange;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

/**
 * Turns a changed capability answer, heard from {@link AnswerChanges} whichever hub instance saw it, into
 * {@code notifications/resources/updated} for every resource showing that capability ({@code services.status}:
 * {@code chitty://services/status} and {@code chitty://context/awareness}; {@code chittyregistry.list}:
 * {@code chitty://registry/services} and the awareness document), on every kind of subscription: the
 * {@code resources/subscribe} of a 2024-11-05 SSE session or of a 2025-xx Streamable HTTP session (sent on its GET
 * stream), and a 2026-07-28 {@code subscriptions/listen} stream. Guarantees: each
 * subscriber on this instance is told once per change; one that did not subscribe to the resource hears nothing; the
 * notification carries only the URI, the client reads the resource to see what changed (and that read passes the
 * scope check as any read does).
 */
@Component
class ResourceUpdates {

    private final HubResources resources;
    private final List<McpSyncServer> sessions;
    private final McpChangeFeed listeners;

    ResourceUpdates(AnswerChanges changes, HubResources resources, McpSyncServer legacySseServer,
            McpSyncServer streamableSessionServer, McpChangeFeed modernChangeFeed) {
        this.resources = resources;
        this.sessions = List.of(legacySseServer, streamableSessionServer);
        this.listeners = modernChangeFeed;
        changes.onChange(this::changed);
    }

    private void changed(String capability) {
        resources.all().stream().filter(resource -> resource.capabilities().contains(capability))
                .forEach(resource -> {
                    sessions.forEach(server -> server.notifyResourcesUpdated(
                            new McpSchema.ResourcesUpdatedNotification(resource.uri())));
                    listeners.broadcast(new ServerChange.ResourceUpdated(resource.uri()));
                });
    }
}
