package cc.chitty.connect.hub.chittyos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import cc.chitty.connect.hub.capability.CapabilityRequest;
import cc.chitty.connect.hub.capability.CapabilityRouteConfiguration;
import cc.chitty.connect.hub.changes.CapabilityAnswered;
import cc.chitty.connect.hub.upstream.UpstreamCall;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code direct:chittyregistry.list}: the registry's service list, kept for {@code hub.registry.cache-ttl} (5 min)
 * across requests and instances' callers, and served stale when the registry fails (the original rebuilt its cache
 * on every request, so it never lived). {@code X-Cache} tells which: {@code HIT}, {@code MISS} or {@code STALE}.
 * A TTL of 0 turns the cache off (every call goes to the registry), as the pass-through benchmark needs; a
 * {@link CapabilityRequest#fresh()} call (the MCP subscriptions' background refresh) goes to the registry and renews
 * the cache. Each answer fetched from the registry is published as a {@link CapabilityAnswered}, so MCP subscribers
 * hear of a change.
 */
@Component
class RegistryDiscovery extends RouteBuilder {

    private static final String ANSWERED = "registryAnswered";

    private record Cached(String body, String contentType, Instant at) {
    }

    private final Duration ttl;
    private final AtomicReference<Cached> cached = new AtomicReference<>();
    private final Clock clock = Clock.systemUTC();
    private final ApplicationEventPublisher events;

    RegistryDiscovery(@Value("${hub.registry.cache-ttl:5m}") Duration ttl, ApplicationEventPublisher events) {
        this.ttl = ttl;
        this.events = events;
    }

    @Override
    public void configure() {
        from("direct:chittyregistry.list")
                .routeId("chittyregistry.list")
                .routeConfigurationId(CapabilityRouteConfiguration.ID)
                .process(this::answerIfFresh)
                .filter(exchangeProperty(ANSWERED).isNull())
                    .setProperty(UpstreamCall.METHOD, constant("GET"))
                    .setProperty(UpstreamCall.PATH, constant("/api/services"))
                    .doTry()
                        .to("direct:upstream.chittyregistry")
                        .process(this::remember)
                    .doCatch(Exception.class)
                        .process(this::answerStaleOrFail)
                    .end()
                .end();
    }

    private void answerIfFresh(Exchange exchange) {
        Cached entry = cached.get();
        boolean refresh = exchange.getProperty(CapabilityRequest.FRESH, false, Boolean.class);
        if (!refresh && !ttl.isZero() && entry != null && entry.at().plus(ttl).isAfter(clock.instant())) {
            answer(exchange, entry, "HIT");
            exchange.setProperty(ANSWERED, true);
        }
    }

    private void remember(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader("X-Cache", "MISS");
        if (!ttl.isZero()) {
            cached.set(new Cached(body, exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class),
                    clock.instant()));
        }
        events.publishEvent(new CapabilityAnswered("chittyregistry.list", body));
    }

    private void answerStaleOrFail(Exchange exchange) throws Exception {
        Cached entry = cached.get();
        if (entry == null) {
            throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        }
        answer(exchange, entry, "STALE");
    }

    private static void answer(Exchange exchange, Cached entry, String cacheStatus) {
        exchange.getMessage().setBody(entry.body());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, entry.contentType());
        exchange.getMessage().setHeader("X-Cache", cacheStatus);
    }
}
