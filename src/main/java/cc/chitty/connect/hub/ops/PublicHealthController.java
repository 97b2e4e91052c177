package cc.chitty.connect.hub.ops;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}, public, in the original's shape ({@code status, service, version, timestamp, endpoints}),
 * its status taken from the readiness group: {@code healthy} when the hub can serve, {@code degraded} otherwise;
 * {@code checks} adds the last probes of upstream services (ChittyID: {@code up}, {@code down}, {@code unknown}) and
 * the phase of the hub's context initialisation ({@code complete}, {@code partial}, {@code failed}, ...).
 */
@RestController
class PublicHealthController {

    private final HealthEndpoint health;
    private final String version;

    PublicHealthController(HealthEndpoint health, ObjectProvider<BuildProperties> build) {
        this.health = health;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties != null ? properties.getVersion() : "dev";
    }

    @GetMapping(path = "/health", produces = "application/json")
    Map<String, Object> health() {
        var readiness = health.healthForPath("readiness");
        boolean ready = readiness != null && Status.UP.equals(readiness.getStatus());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "healthy" : "degraded");
        body.put("service", "chittyconnect");
        body.put("version", version);
        body.put("timestamp", Instant.now().toString());
        var chittyid = health.healthForPath("chittyid");
        body.put("checks", Map.of(
                "chittyid", chittyid == null ? "unknown" : chittyid.getStatus().getCode().toLowerCase(Locale.ROOT),
                "context", contextPhase(health.healthForPath("context"))));
        body.put("endpoints", Map.of(
                "api", "/api",
                "mcp", "/mcp",
                "github", "/integrations/github/webhook",
                "openapi", "/openapi.json",
                "metrics", "/actuator/prometheus",
                "console", "/actuator/hawtio"));
        return body;
    }

    private static Object contextPhase(HealthComponent context) {
        return context instanceof Health details ? details.getDetails().getOrDefault("phase", "unknown") : "unknown";
    }
}
