package cc.chitty.connect.hub.ops;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}, public, in the original's shape (see {@link HealthDocument}): 503 with {@code status}
 * {@code starting} until the doors serve, then 200 ({@code healthy} or {@code degraded}); {@code checks.chittyid} is
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
    ResponseEntity<Map<String, Object>> health() {
        Map<String, Object> body = document.document("chittyconnect", ENDPOINTS);
        return ResponseEntity.status(HealthDocument.STARTING.equals(body.get("status")) ? 503 : 200).body(body);
    }
}
