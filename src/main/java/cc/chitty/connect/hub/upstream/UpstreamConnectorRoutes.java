package cc.chitty.connect.hub.upstream;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cc.chitty.connect.hub.capability.CapabilityRouteConfiguration;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The upstream connector, instantiated for every service ({@code hub.upstreams.services} and upstream files, see
 * {@link UpstreamFiles}) from route templates: {@code direct:upstream.<service>}, which capability routes call after setting the {@link UpstreamCall}
 * properties and which retries transient faults ({@link RetryingCall}), and {@code direct:upstream.<service>.attempt},
 * one call through the service's circuit breaker, which works on its own copy of the capability's exchange.
 * {@code direct:upstream.<service>.probe} makes the same call once, past the breaker and without retries: health
 * probes and status checks use it ({@link UpstreamProbes}), so a failing health endpoint never opens the breaker
 * that real calls go through, nor does an open breaker hide the service's own answer from a probe. An upstream file
 * saved while the hub runs connects its service ({@link #connect}).
 */
@Component
@EnableConfigurationProperties(UpstreamProperties.class)
class UpstreamConnectorRoutes extends RouteBuilder {

    static final String CONNECTOR = "upstream-connector";
    static final String ATTEMPT = "upstream-attempt";
    static final String PROBE = "upstream-probe";

    private final Map<String, UpstreamSettings> settings;
    private final UpstreamBreakers breakers;
    private final UpstreamRetries retries;
    private final UpstreamHttpClients httpClients;
    private final ObjectMapper mapper;

    UpstreamConnectorRoutes(UpstreamFiles upstreams, UpstreamBreakers breakers, UpstreamRetries retries,
            UpstreamHttpClients httpClients, ObjectMapper mapper) {
        // read by the request preparer of every connector, so a service connected later is found there too
        this.settings = new ConcurrentHashMap<>(upstreams.services());
        this.breakers = breakers;
        this.retries = retries;
        this.httpClients = httpClients;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        UpstreamRequestPreparer prepareRequest = new UpstreamRequestPreparer(settings);
        UpstreamResponseChecker checkResponse = new UpstreamResponseChecker(mapper);

        routeTemplate(CONNECTOR)
                .templateParameter("service")
                .from("direct:upstream.{{service}}")
                .routeConfigurationId(CapabilityRouteConfiguration.ID)
                .setProperty(UpstreamCall.SERVICE, constant("{{service}}"))
                .process(new RetryingCall(retries, getContext()));

        routeTemplate(ATTEMPT)
                .templateParameter("service")
                .templateParameter("baseUrl")
                .from("direct:upstream.{{service}}.attempt")
                .routeConfigurationId(CapabilityRouteConfiguration.ID)
                .circuitBreaker()
                    .resilience4jConfiguration()
                        .circuitBreaker("breaker.{{service}}")
                        .throwExceptionWhenHalfOpenOrOpenState(true)
                    .end()
                    .process(prepareRequest)
                    .to("{{baseUrl}}?httpClient=#httpClient.{{service}}&throwExceptionOnFailure=false")
                    .process(checkResponse)
                .end();

        routeTemplate(PROBE)
                .templateParameter("service")
                .templateParameter("baseUrl")
                .from("direct:upstream.{{service}}.probe")
                .routeConfigurationId(CapabilityRouteConfiguration.ID)
                .setProperty(UpstreamCall.SERVICE, constant("{{service}}"))
                .process(prepareRequest)
                .to("{{baseUrl}}?httpClient=#httpClient.{{service}}&throwExceptionOnFailure=false")
                .process(checkResponse);

        settings.values().forEach(service -> instantiate(this, service));
    }

    /** Connects a service declared in an upstream file while the hub runs, replacing its connector if it had one. */
    synchronized void connect(UpstreamSettings service) throws Exception {
        CamelContext camel = getContext();
        String prefix = "upstream." + service.id();
        for (String routeId : List.of(prefix, prefix + ".attempt", prefix + ".probe")) {
            if (camel.getRoute(routeId) != null) {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            }
        }
        settings.put(service.id(), service);
        RouteBuilder connector = new RouteBuilder() {
            @Override
            public void configure() {
                instantiate(this, service);
            }
        };
        camel.addRoutes(connector);
        // adding a builder to a running context creates its plain routes only
        connector.addTemplatedRoutesToCamelContext(camel);
    }

    private void instantiate(RouteBuilder builder, UpstreamSettings service) {
        builder.bindToRegistry("breaker." + service.id(), breakers.create(service));
        builder.bindToRegistry("httpClient." + service.id(), httpClients.create(service));
        retries.register(service);
        builder.templatedRoute(CONNECTOR)
                .routeId("upstream." + service.id())
                .parameter("service", service.id());
        builder.templatedRoute(ATTEMPT)
                .routeId("upstream." + service.id() + ".attempt")
                .parameter("service", service.id())
                .parameter("baseUrl", service.baseUrl());
        builder.templatedRoute(PROBE)
                .routeId("upstream." + service.id() + ".probe")
                .parameter("service", service.id())
                .parameter("baseUrl", service.baseUrl());
    }
}
