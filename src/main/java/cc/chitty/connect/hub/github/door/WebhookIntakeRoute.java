package cc.chitty.connect.hub.github.door;

import cc.chitty.connect.hub.capability.CapabilityRouteConfiguration;
import cc.chitty.connect.hub.github.events.GitHubEventQueue;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /integrations/github/webhook}, a platform-http route that reads only the exchange, so it is served by
 * whichever engine platform-http runs on. Contract: the three GitHub headers are required (400); the signature over
 * the raw bytes is checked before anything else looks at the delivery (401), and an unsigned delivery never costs
 * more heap than {@code hub.http.spool-threshold}: a header that cannot match is refused before the body is read,
 * the body is signed as it is read and a body of unknown or larger size is spooled, then read whole only once
 * signed; a body past GitHub's 25 MB cap is 413 as soon as it is announced or read; the body must be a JSON object
 * (400); the delivery is answered 202 only once Kafka acknowledged it, and 503 when the broker did not, so GitHub
 * records a failure the reconciler later asks to redeliver. Duplicates are accepted here and absorbed by the
 * consumer. Event types the hub has no automation for are queued like any other. No thread waits for the broker
 * but the engine's own (the Vert.x worker platform-http runs the route on): the route goes on when Kafka answers.
 */
@Component
class WebhookIntakeRoute extends RouteBuilder {

    static final String PATH = "/integrations/github/webhook";
    static final String ROUTE_ID = "github.webhook";

    private final WebhookIntake intake;
    private final GitHubEventQueue queue;

    WebhookIntakeRoute(WebhookIntake intake, GitHubEventQueue queue) {
        this.intake = intake;
        this.queue = queue;
    }

    @Override
    public void configure() {
        // the "capability" route configuration: none of the REST door's error mapping, this route answers itself
        from("platform-http:" + PATH + "?httpMethodRestrict=POST&useStreaming=true")
                .routeId(ROUTE_ID).routeConfigurationId(CapabilityRouteConfiguration.ID)
                // the signature check reads the body once: a route stream cache would be one more copy of the one
                // the engine spools as it arrives, bounded by the door's limit (edge/SpoolingConsumer)
                .streamCache("false")
                .process(intake::verify)
                .doTry()
                    .to(queue.endpoint())
                    .process(intake::queued)
                .doCatch(Exception.class)
                    .process(intake::notQueued)
                .end();
    }
}
