package cc.chitty.connect.hub.ops;

import java.time.Clock;
import java.util.Map;

import cc.chitty.connect.hub.edge.PublicPaths;
import cc.chitty.connect.hub.edge.PublicRouteOrder;
import cc.chitty.connect.hub.web.RequestIdFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.springframework.stereotype.Component;

/**
 * {@code GET /health} on the public port, in the original's shape (see {@link HealthDocument}): 503 with
 * {@code status} {@code starting} until the doors serve, then 200 ({@code healthy} or {@code degraded});
 * {@code checks.chittyid} is the ChittyID connection's state ({@code disconnected}, {@code connecting},
 * {@code connected}, {@code reconnecting}, {@code failed}), {@code checks.context} {@code complete}, {@code partial},
 * {@code failed}, ... Answered on the event loop from bytes rendered at most {@code hub.health.document-max-age} ago
 * ({@link RenderedPublicHealth}), whose checks run in the background: probes and load balancers may call it as
 * often as they like, and no call waits on a dependency.
 */
@Component
class PublicHealthHandler implements PublicPaths {

    private static final Map<String, String> ENDPOINTS = Map.of(
            "api", "/api",
            "mcp", "/mcp",
            "github", "/integrations/github/webhook",
            "openapi", "/openapi.json",
            "metrics", "/actuator/prometheus",
            "console", "/actuator/hawtio");

    private final RenderedPublicHealth health;

    PublicHealthHandler(HealthDocument document, ObjectMapper json, BackgroundHealthChecks.Properties properties) {
        this.health = new RenderedPublicHealth(document, ENDPOINTS, json, properties.documentMaxAge(),
                Clock.systemUTC());
    }

    @Override
    public void mountOn(Router router) {
        router.route("/health").order(PublicRouteOrder.OWN_PATHS).method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(this::answer);
    }

    private void answer(RoutingContext context) {
        RenderedPublicHealth.Rendered rendered = health.current();
        byte[] timestamp = health.timestamp();
        Buffer body = Buffer.buffer(rendered.head().length + timestamp.length + rendered.tail().length)
                .appendBytes(rendered.head()).appendBytes(timestamp).appendBytes(rendered.tail());
        context.response().setStatusCode(rendered.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(RequestIdFilter.HEADER,
                        RequestIdFilter.idFor(context.request().getHeader(RequestIdFilter.HEADER)))
                .end(body);
    }
}
