package cc.chitty.connect.hub.github.events;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import cc.chitty.connect.hub.audit.AuditEntry;
import cc.chitty.connect.hub.audit.AuditLog;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.RequestIdFilter;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators inspect and replay GitHub dead letters, and run the redelivery reconciler now. Replays (those that
 * failed too, with outcome {@code failure}) and reconciler runs are audited.
 */
@RestController
@RequestMapping(path = "/admin/github", produces = MediaType.APPLICATION_JSON_VALUE)
class GitHubAdminController {

    private final DeadLetters deadLetters;
    private final RedeliveryReconciler reconciler;
    private final AuditLog auditLog;

    GitHubAdminController(DeadLetters deadLetters, RedeliveryReconciler reconciler, AuditLog auditLog) {
        this.deadLetters = deadLetters;
        this.reconciler = reconciler;
        this.auditLog = auditLog;
    }

    @GetMapping("/dead-letters")
    List<DeadLetters.DeadLetter> deadLetters() {
        return deadLetters.list();
    }

    @PostMapping("/dead-letters/replay")
    ResponseEntity<Object> replayAll(Principal operator) throws Exception {
        try {
            return replayed(deadLetters.replay(null, actor(operator)), "all", operator);
        } catch (Exception e) {
            throw replayFailed(e, "all", operator);
        }
    }

    @PostMapping("/dead-letters/{delivery}/replay")
    ResponseEntity<Object> replay(@PathVariable String delivery, Principal operator) throws Exception {
        try {
            if (!deadLetters.contains(delivery)) {
                return Problem.of(404, "not-found", "Not Found", "No dead letter for delivery " + delivery)
                        .toResponse();
            }
            return replayed(deadLetters.replay(delivery, actor(operator)), delivery, operator);
        } catch (Exception e) {
            throw replayFailed(e, delivery, operator);
        }
    }

    @PostMapping("/redeliveries")
    Map<String, Object> redeliver(Principal operator) throws Exception {
        List<String> requested = reconciler.run();
        auditLog.record(AuditEntry.of(actor(operator), "github.redelivery", null, "success",
                MDC.get(RequestIdFilter.MDC_KEY), Map.of("requested", requested)));
        return Map.of("requested", requested);
    }

    private ResponseEntity<Object> replayed(List<String> deliveries, String target, Principal operator) {
        auditLog.record(AuditEntry.of(actor(operator), "github.dead-letter.replay", target, "success",
                MDC.get(RequestIdFilter.MDC_KEY), Map.of("replayed", deliveries)));
        return ResponseEntity.accepted().body(Map.of("replayed", deliveries));
    }

    /** An attempt that failed (the broker unreachable, say) is audited too; the exception's class, not its text. */
    private Exception replayFailed(Exception failure, String target, Principal operator) {
        auditLog.record(AuditEntry.of(actor(operator), "github.dead-letter.replay", target, "failure",
                MDC.get(RequestIdFilter.MDC_KEY), Map.of("exception", failure.getClass().getName())));
        return failure;
    }

    private static String actor(Principal operator) {
        return "operator:" + operator.getName();
    }
}
