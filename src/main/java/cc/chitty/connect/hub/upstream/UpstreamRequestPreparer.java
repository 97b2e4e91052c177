package cc.chitty.connect.hub.upstream;

import java.util.Locale;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.http.HttpMethods;

/**
 * Builds the outgoing request from the {@link UpstreamCall} properties alone: every header the client sent is
 * dropped, the service's own bearer token is added, then the capability's own headers ({@link UpstreamCall#HEADERS}),
 * and the request id is passed on for tracing.
 */
final class UpstreamRequestPreparer implements Processor {

    private final Map<String, UpstreamSettings> settings;

    UpstreamRequestPreparer(Map<String, UpstreamSettings> settings) {
        this.settings = settings;
    }

    @Override
    public void process(Exchange exchange) {
        UpstreamSettings service = settings.get(exchange.getProperty(UpstreamCall.SERVICE, String.class));
        String method = exchange.getProperty(UpstreamCall.METHOD, "GET", String.class);
        Message message = exchange.getMessage();
        String requestId = message.getHeader("X-Request-ID", String.class);
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        message.removeHeaders("*");
        // the enum camel-http reads (its own, not camel-http-common's): from a String, Camel's converter searched
        // its converters on every call (14 % of the GitHub consumer's CPU in a JFR profile)
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(method.toUpperCase(Locale.ROOT)));
        message.setHeader(Exchange.HTTP_PATH, exchange.getProperty(UpstreamCall.PATH, "", String.class));
        String query = exchange.getProperty(UpstreamCall.QUERY, String.class);
        if (query != null && !query.isEmpty()) {
            message.setHeader(Exchange.HTTP_QUERY, query);
        }
        message.setHeader("Accept", "application/json");
        if (requestId != null) {
            message.setHeader("X-Request-ID", requestId);
        }
        if (message.getBody() != null && !"GET".equals(method) && !"HEAD".equals(method)) {
            message.setHeader(Exchange.CONTENT_TYPE, contentType != null ? contentType : "application/json");
        } else {
            message.setBody(null);
        }
        service.headers().forEach(message::setHeader);
        if (!service.token().isEmpty()) {
            message.setHeader("Authorization", "Bearer " + service.token());
        }
        Map<?, ?> callHeaders = exchange.getProperty(UpstreamCall.HEADERS, Map.class);
        if (callHeaders != null) {
            callHeaders.forEach((name, value) -> message.setHeader(name.toString(), value));
        }
    }
}
