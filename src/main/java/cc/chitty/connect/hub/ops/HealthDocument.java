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
 * {@code GET /health} and the keyed {@code GET /api/health}: {@code status} is {@code starting} until the doors
 * serve ({@link DoorsOpen}), then comes from the readiness group ({@code healthy} when the hub can serve,
 * {@code degraded} otherwise), whose checks are all answered from memory ({@link BackgroundHealthChecks}), so
 * building this document never queries a dependency; {@code checks} adds the state of the
 * ChittyID connection and the phase of the hub's context initialisation.
 */
@Component("healthDocument")
public class HealthDocument {

    static final String STARTING = "starting";

    private final HealthEndpoint health;
    private final CamelContext camel;
    private final String version;
    private final DoorsOpen doors;

    HealthDocument(HealthEndpoint health, CamelContext camel, ObjectProvider<BuildProperties> build, DoorsOpen doors) {
        this.health = health;
        this.camel = camel;
        this.doors = doors;
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
        body.put("status", !doors.open() ? STARTING : ready ? "healthy" : "degraded");
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
