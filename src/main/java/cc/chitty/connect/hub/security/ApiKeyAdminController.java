package cc.chitty.connect.hub.security;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import cc.chitty.connect.hub.audit.AuditEntry;
import cc.chitty.connect.hub.audit.AuditLog;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.RequestIdFilter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators' API-key management. A new key is returned once, in the creation response, and never again. */
@RestController
@RequestMapping(path = "/admin/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
class ApiKeyAdminController {

    // "*" is asked for by name: a key created without scopes gets none
    private static final Pattern SCOPE = Pattern.compile("\\*|[a-z][a-z0-9_-]*(:[a-z0-9_*-]+)?");

    private final ApiKeys apiKeys;
    private final AuditLog auditLog;

    ApiKeyAdminController(ApiKeys apiKeys, AuditLog auditLog) {
        this.apiKeys = apiKeys;
        this.auditLog = auditLog;
    }

    record CreateRequest(String name, List<String> scopes, Integer rateLimit, Instant expiresAt) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> create(@RequestBody CreateRequest request, Principal operator,
            @RequestHeader(name = RequestIdFilter.HEADER, required = false) String requestId) {
        List<Map<String, String>> errors = validate(request);
        if (!errors.isEmpty()) {
            return Problem.of(400, "validation", "Invalid Request", "The key request is not valid")
                    .with("errors", errors).toResponse();
        }
        ApiKeys.Issued issued = apiKeys.issue(request.name().trim(),
                request.scopes() == null ? List.of() : request.scopes(), request.rateLimit(), request.expiresAt());
        audit(operator, "api-key.create", issued.record().id(), "success", requestId);
        return created(issued);
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return apiKeys.list().stream().map(ApiKeyAdminController::view).toList();
    }

    @PostMapping("/{id}/revoke")
    ResponseEntity<Object> revoke(@PathVariable UUID id, Principal operator,
            @RequestHeader(name = RequestIdFilter.HEADER, required = false) String requestId) {
        boolean revoked = apiKeys.revoke(id);
        audit(operator, "api-key.revoke", id, revoked ? "success" : "not_found", requestId);
        return revoked ? ResponseEntity.noContent().build() : noSuchKey(id);
    }

    @PostMapping("/{id}/rotate")
    ResponseEntity<Object> rotate(@PathVariable UUID id, Principal operator,
            @RequestHeader(name = RequestIdFilter.HEADER, required = false) String requestId) {
        Optional<ApiKeys.Issued> rotated = apiKeys.rotate(id);
        audit(operator, "api-key.rotate", id, rotated.isPresent() ? "success" : "not_found", requestId);
        return rotated.map(this::created).orElseGet(() -> noSuchKey(id));
    }

    private ResponseEntity<Object> created(ApiKeys.Issued issued) {
        Map<String, Object> body = view(issued.record());
        body.put("key", issued.key());
        return ResponseEntity.created(URI.create("/admin/api-keys/" + issued.record().id())).body(body);
    }

    private static ResponseEntity<Object> noSuchKey(UUID id) {
        return Problem.of(404, "not-found", "Not Found", "No active API key with id " + id).toResponse();
    }

    private void audit(Principal operator, String operation, UUID key, String outcome, String requestId) {
        auditLog.record(AuditEntry.of("operator:" + operator.getName(), operation, key.toString(), outcome, requestId,
                null));
    }

    private static List<Map<String, String>> validate(CreateRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            errors.add(Map.of("field", "name", "message", "is required, at most 100 characters"));
        }
        if (request.scopes() != null && request.scopes().stream().anyMatch(s -> s == null || !SCOPE.matcher(s).matches())) {
            errors.add(Map.of("field", "scopes", "message", "each scope reads like chittyid:mint, admin or *"));
        }
        if (request.rateLimit() != null && request.rateLimit() <= 0) {
            errors.add(Map.of("field", "rateLimit", "message", "must be a positive number of requests per minute"));
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(Instant.now())) {
            errors.add(Map.of("field", "expiresAt", "message", "must be in the future"));
        }
        return errors;
    }

    private static Map<String, Object> view(ApiKey key) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", key.id());
        view.put("prefix", key.prefix());
        view.put("name", key.name());
        view.put("status", key.status());
        view.put("scopes", key.scopes());
        view.put("rateLimit", key.rateLimit());
        view.put("expiresAt", key.expiresAt());
        view.put("createdAt", key.createdAt());
        view.put("lastUsedAt", key.lastUsedAt());
        return view;
    }
}
