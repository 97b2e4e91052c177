package cc.chitty.connect.hub.mcp;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import cc.chitty.connect.hub.changes.AnswerChanges;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
 * <p>
 * It also answers whether anyone on this instance is subscribed, and to what ({@link #watchedCapabilities()}): every
 * transport that keeps subscribers counts each one here ({@link #subscribe}) until it ends, and
 * {@link SubscribedResourcesRefresh} refreshes only what is watched. The count per resource is the gauge
 * {@code hub.mcp.resource.subscribers{uri}}.
 */
@Component
class ResourceUpdates {

    /** One subscriber's hold on one resource; {@link #close()} ends it, once however often it is called. */
    static final class Subscription implements AutoCloseable {
        private final Runnable release;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Subscription(Runnable release) {
            this.release = release;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                release.run();
            }
        }
    }

    private final HubResources resources;
    private final List<McpSyncServer> sessions;
    private final McpChangeFeed listeners;
    private final Map<String, Integer> subscribers = new ConcurrentHashMap<>();

    ResourceUpdates(AnswerChanges changes, HubResources resources, McpSyncServer legacySseServer,
            McpSyncServer streamableSessionServer, McpChangeFeed modernChangeFeed, MeterRegistry meters) {
        this.resources = resources;
        this.sessions = List.of(legacySseServer, streamableSessionServer);
        this.listeners = modernChangeFeed;
        resources.all().forEach(resource -> Gauge.builder("hub.mcp.resource.subscribers", subscribers,
                        counts -> counts.getOrDefault(resource.uri(), 0))
                .tag("uri", resource.uri()).description("Subscribers of the resource on this instance, any transport")
                .register(meters));
        changes.onChange(this::changed);
    }

    /**
     * Counts a subscriber of {@code uri} on this instance until the returned subscription is closed. A URI that is
     * not one of the catalogue's resources counts for nothing.
     */
    Subscription subscribe(String uri) {
        if (resources.find(uri).isEmpty()) {
            return new Subscription(() -> { });
        }
        subscribers.merge(uri, 1, Integer::sum);
        return new Subscription(() -> subscribers.computeIfPresent(uri, (key, count) -> count <= 1 ? null : count - 1));
    }

    /** The capabilities shown by the resources someone on this instance is subscribed to; empty when no one is. */
    Set<String> watchedCapabilities() {
        return resources.all().stream().filter(resource -> subscribers.containsKey(resource.uri()))
                .flatMap(resource -> resource.capabilities().stream()).collect(Collectors.toCollection(TreeSet::new));
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
