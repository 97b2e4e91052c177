package cc.chitty.connect.hub.upstream;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The upstream connector: one route template, {@code upstream-connector}, instantiated as
 * {@code direct:upstream.<service>} for every service in {@code hub.upstreams.services}. Capability routes set the
 * {@link UpstreamCall} properties and call it. Inside the breaker the call runs on a copy of the exchange, so a
 * retried attempt starts again from the capability's original request.
 */
@Component
@EnableConfigurationProperties(UpstreamProperties.class)
class UpstreamConnectorRoutes extends RouteBuilder {

    static final String TEMPLATE = "upstream-connector";

    private final Map<String, UpstreamSettings> settings;
    private final UpstreamBreakers breakers;
    private final UpstreamHttpClients httpClients;
    private final ObjectMapper mapper;

    UpstreamConnectorRoutes(UpstreamProperties properties, UpstreamBreakers breakers, UpstreamHttpClients httpClients,
            ObjectMapper mapper) {
        this.settings = properties.resolved();
        this.breakers = breakers;
        this.httpClients = httpClients;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        UpstreamRequestPreparer prepareRequest = new UpstreamRequestPreparer(settings);
        UpstreamResponseChecker checkResponse = new UpstreamResponseChecker(mapper);

        routeTemplate(TEMPLATE)
                .templateParameter("service")
                .templateParameter("baseUrl")
                .templateParameter("redeliveries")
                .templateParameter("initialDelayMs")
                .templateParameter("maxDelayMs")
                .templateParameter("multiplier")
                .templateParameter("jitter")
                .from("direct:upstream.{{service}}")
                .routeConfigurationId(CapabilityRouteConfiguration.ID)
                .errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false)
                        .retryAttemptedLogLevel(LoggingLevel.INFO))
                .onException(Exception.class)
                    .onWhen(new TransientFaults(settings))
                    .maximumRedeliveries("{{redeliveries}}")
                    .redeliveryDelay("{{initialDelayMs}}")
                    .maximumRedeliveryDelay("{{maxDelayMs}}")
                    .useExponentialBackOff()
                    .backOffMultiplier("{{multiplier}}")
                    .useCollisionAvoidance()
                    .collisionAvoidanceFactor("{{jitter}}")
                    .logRetryAttempted(true)
                    .logExhausted(false)
                .end()
                .setProperty(UpstreamCall.SERVICE, constant("{{service}}"))
                .circuitBreaker()
                    .resilience4jConfiguration()
                        .circuitBreaker("breaker.{{service}}")
                        .throwExceptionWhenHalfOpenOrOpenState(true)
                    .end()
                    .process(prepareRequest)
                    .to("{{baseUrl}}?httpClient=#httpClient.{{service}}&throwExceptionOnFailure=false")
                    .process(checkResponse)
                .end();

        settings.values().forEach(this::instantiate);
    }

    private void instantiate(UpstreamSettings service) {
        bindToRegistry("breaker." + service.id(), breakers.create(service));
        bindToRegistry("httpClient." + service.id(), httpClients.create(service));
        UpstreamSettings.Retry retry = service.retry();
        templatedRoute(TEMPLATE)
                .routeId("upstream." + service.id())
                .parameter("service", service.id())
                .parameter("baseUrl", service.baseUrl())
                .parameter("redeliveries", String.valueOf(Math.max(0, retry.maxAttempts() - 1)))
                .parameter("initialDelayMs", String.valueOf(retry.initialDelay().toMillis()))
                .parameter("maxDelayMs", String.valueOf(retry.maxDelay().toMillis()))
                .parameter("multiplier", String.valueOf(retry.multiplier()))
                .parameter("jitter", String.valueOf(retry.jitter()));
    }
}
