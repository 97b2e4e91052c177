package cc.chitty.connect.hub.ops;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}, public, in the original's shape (see {@link HealthDocument}); {@code checks.chittyid} is
 * the ChittyID connection's state ({@code disconnected}, {@code connecting}, {@code connected},
 * {@code reconnecting}, {@code failed}), {@code checks.context} {@code complete}, {@code partial},
 * {@code failed}, ...
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

    private final HealthDocument document;

    PublicHealthController(HealthDocument document) {
        this.document = document;
    }

    @GetMapping(path = "/health", produces = "application/json")
    Map<String, Object> health() {
        return document.document("chittyconnect", ENDPOINTS);
    }
}
