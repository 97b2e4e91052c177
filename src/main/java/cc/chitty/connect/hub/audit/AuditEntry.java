package cc.chitty.connect.hub.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One audited operation.
 *
 * @param actor     {@code key:<id>} for an API client, {@code operator:<name>} for an operator
 * @param operation e.g. {@code chittyid.mint}, {@code api-key.revoke}
 * @param target    what it acted on (a ChittyID, a key id), when known
 * @param outcome   {@code success}, or the failure's class
 */
public record AuditEntry(Long id, Instant occurredAt, String actor, String operation, String target, String outcome,
        String requestId, Map<String, Object> details) {

    public static AuditEntry of(String actor, String operation, String target, String outcome, String requestId,
            Map<String, Object> details) {
        return new AuditEntry(null, null, actor, operation, target, outcome, requestId, details);
    }
}
