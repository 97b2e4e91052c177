package cc.chitty.connect.hub.mcp;

import cc.chitty.connect.hub.capability.CapabilityCaller;
import cc.chitty.connect.hub.capability.CapabilityFailure;
import cc.chitty.connect.hub.changes.AnswerChanges;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps subscribed resources live without a client asking: every {@code hub.mcp.subscriptions.refresh-period}, while
 * someone on this instance is subscribed ({@link ResourceUpdates#watchedCapabilities()}, any transport), each
 * capability the subscribed resources show runs afresh as the hub: the services status checks every service, the
 * registry list is fetched past its cache (which it renews). A changed answer then reaches subscribers as any answer
 * does, through {@link AnswerChanges}.
 * <p>
 * Guarantees: nothing is called while no one here is subscribed; with subscribers on several instances each one
 * refreshes, and a change is still announced once (the update that replaces the hash in {@code answer_versions} is
 * the one that notifies); a failed refresh is logged and tried again next period; refreshes never overlap (the timer
 * waits a period after each run).
 */
@Component
class SubscribedResourcesRefresh extends RouteBuilder {

    static final String ROUTE_ID = "mcp.subscribed-resources.refresh";
    /** The audited caller of the refresh's capability calls. */
    private static final String ACTOR = "hub:mcp-subscriptions";
    private static final Logger log = LoggerFactory.getLogger(SubscribedResourcesRefresh.class);

    private final ResourceUpdates updates;
    private final CapabilityCaller capabilities;

    SubscribedResourcesRefresh(ResourceUpdates updates, CapabilityCaller capabilities) {
        this.updates = updates;
        this.capabilities = capabilities;
    }

    @Override
    public void configure() {
        from("timer:mcp-subscribed-resources?period={{hub.mcp.subscriptions.refresh-period}}"
                + "&delay={{hub.mcp.subscriptions.refresh-period}}")
                .routeId(ROUTE_ID)
                .process(exchange -> refreshWatched());
    }

    private void refreshWatched() {
        for (String capability : updates.watchedCapabilities()) {
            try {
                capabilities.request(capability, ACTOR).fresh().call();
            } catch (CapabilityFailure failure) {
                log.warn("refreshing {} for its subscribers failed: {}", capability, failure.fault().detail());
            }
        }
    }
}
