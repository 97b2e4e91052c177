package cc.chitty.connect.hub.mcp;

import cc.chitty.connect.hub.changes.AnswerChanges;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

/**
 * Turns a changed capability answer, heard from {@link AnswerChanges} whichever hub instance saw it, into
 * {@code notifications/resources/updated} for every resource showing that capability ({@code services.status}:
 * {@code chitty://services/status} and {@code chitty://context/awareness}; {@code chittyregistry.list}:
 * {@code chitty://registry/services} and the awareness document). Guarantees: each session of this instance that
 * subscribed to such a resource is told once per change; a session that did not subscribe hears nothing; the
 * notification carries only the URI, the client reads the resource to see what changed (and that read passes the
 * scope check as any read does).
 */
@Component
class ResourceUpdates {

    private final HubResources resources;
    private final McpSyncServer sessions;

    ResourceUpdates(AnswerChanges changes, HubResources resources, McpSyncServer legacySseServer) {
        this.resources = resources;
        this.sessions = legacySseServer;
        changes.onChange(this::changed);
    }

    private void changed(String capability) {
        resources.all().stream().filter(resource -> resource.capabilities().contains(capability))
                .forEach(resource -> sessions.notifyResourcesUpdated(
                        new McpSchema.ResourcesUpdatedNotification(resource.uri())));
    }
}
