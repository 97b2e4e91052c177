package cc.chitty.connect.hub.audit;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators read the audit trail, newest first. */
@RestController
@RequestMapping(path = "/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditAdminController {

    private final AuditLog auditLog;

    AuditAdminController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping
    List<AuditEntry> recent(@RequestParam(required = false) String operation,
            @RequestParam(defaultValue = "100") int limit) {
        return auditLog.recent(operation, Math.max(1, Math.min(limit, 1000)));
    }
}
