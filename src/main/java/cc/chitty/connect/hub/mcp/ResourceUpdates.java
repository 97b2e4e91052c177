package cc.chitty.connect.hub.mcp;

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
 * {@code chitty://registry/services} and the awareness document), on both kinds of subscription: a 2024-11-05 SSE
 * session's {@code resources/subscribe}, and a 2026-07-28 {@code subscriptions/listen} stream. Guarantees: each
 * subscriber on this instance is told once per change; one that did not subscribe to the resource hears nothing; the
 * notification carries only the URI, the client reads the resource to see what changed (and that read passes the
 * scope check as any read does).
 */
@Component
class ResourceUpdates {

    private final HubResources resources;
    private final McpSyncServer sessions;
    private final McpChangeFeed listeners;

    ResourceUpdates(AnswerChanges changes, HubResources resources, McpSyncServer legacySseServer,
            McpChangeFeed modernChangeFeed) {
        this.resources = resources;
        this.sessions = legacySseServer;
        this.listeners = modernChangeFeed;
        changes.onChange(this::changed);
    }

    private void changed(String capability) {
        resources.all().stream().filter(resource -> resource.capabilities().contains(capability))
                .forEach(resource -> {
                    sessions.notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(resource.uri()));
                    listeners.broadcast(new ServerChange.ResourceUpdated(resource.uri()));
                });
    }
}
