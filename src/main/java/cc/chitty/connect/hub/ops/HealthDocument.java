package cc.chitty.connect.hub.ops;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * The original's health document ({@code status, service, version, timestamp, endpoints}), shared by the public
 * {@code GET /health} and the keyed {@code GET /api/health}: {@code status} comes from the readiness group
 * ({@code healthy} when the hub can serve, {@code degraded} otherwise), {@code checks} adds the state of the
 * ChittyID connection and the phase of the hub's context initialisation.
 */
@Component("healthDocument")
public class HealthDocument {

    private final HealthEndpoint health;
    private final CamelContext camel;
    private final String version;

    HealthDocument(HealthEndpoint health, CamelContext camel, ObjectProvider<BuildProperties> build) {
        this.health = health;
        this.camel = camel;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties != null ? properties.getVersion() : "dev";
    }

    /** {@code GET /api/health}: the original GPT API's name, its endpoints the REST door's loaded prefixes. */
    public Map<String, Object> api() {
        Map<String, Object> endpoints = new LinkedHashMap<>();
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        for (RestDefinition rest : model.getRestDefinitions()) {
            String path = rest.getPath();
            if (path.startsWith("/api/")) {
                endpoints.put(path.substring("/api/".length()), path);
            }
        }
        return document("chittyconnect-gpt-api", endpoints);
    }

    Map<String, Object> document(String service, Map<String, ?> endpoints) {
        var readiness = health.healthForPath("readiness");
        boolean ready = readiness != null && Status.UP.equals(readiness.getStatus());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "healthy" : "degraded");
        body.put("service", service);
        body.put("version", version);
        body.put("timestamp", Instant.now().toString());
        body.put("checks", Map.of(
                "chittyid", detail(health.healthForPath("chittyid"), "state"),
                "context", detail(health.healthForPath("context"), "phase")));
        body.put("endpoints", endpoints);
        return body;
    }

    private static Object detail(HealthComponent component, String name) {
        return component instanceof Health details ? details.getDetails().getOrDefault(name, "unknown") : "unknown";
    }
}
