package cc.chitty.connect.hub.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}, public, in the original's shape (see {@link HealthDocument}): 503 with {@code status}
 * {@code starting} until the doors serve, then 200 ({@code healthy} or {@code degraded}); {@code checks.chittyid} is
 * the ChittyID connection's state ({@code disconnected}, {@code connecting}, {@code connected},
 * {@code reconnecting}, {@code failed}), {@code checks.context} {@code complete}, {@code partial},
 * {@code failed}, ... Answered from bytes rendered at most {@code hub.health.document-max-age} ago
 * ({@link RenderedPublicHealth}): probes and load balancers may call it as often as they like.
 */
@RestController
class PublicHealthController {

    private static final Map<String, String> ENDPOINTS = Map.of(
            "api", "/api",
            "mcp", "/mcp",
            "github", "/integrations/github/webhook",
            "openapi", "/openapi.json",
            "metrics", "/actuator/prometheus",
            "console", "/actuator/hawtio");

    private final RenderedPublicHealth health;

    PublicHealthController(HealthDocument document, ObjectMapper json, BackgroundHealthChecks.Properties properties) {
        this.health = new RenderedPublicHealth(document, ENDPOINTS, json, properties.documentMaxAge(),
                Clock.systemUTC());
    }

    @GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
    void health(HttpServletResponse response) throws IOException {
        RenderedPublicHealth.Rendered rendered = health.current();
        byte[] timestamp = health.timestamp();
        response.setStatus(rendered.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(rendered.head().length + timestamp.length + rendered.tail().length);
        OutputStream body = response.getOutputStream();
        body.write(rendered.head());
        body.write(timestamp);
        body.write(rendered.tail());
    }
}
