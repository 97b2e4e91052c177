package cc.chitty.connect.hub.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code audit_log} rows: written by whoever performs a sensitive operation, read by operators. */
@Repository
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    AuditLog(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** Records the entry; a failure to record is logged, never thrown into the audited operation. */
    public void record(AuditEntry entry) {
        try {
            jdbc.sql("""
                    INSERT INTO audit_log (actor, operation, target, outcome, request_id, details)
                    VALUES (:actor, :operation, :target, :outcome, :requestId, CAST(:details AS JSONB))""")
                    .param("actor", entry.actor())
                    .param("operation", entry.operation())
                    .param("target", entry.target())
                    .param("outcome", entry.outcome())
                    .param("requestId", entry.requestId())
                    .param("details", entry.details() == null ? null : mapper.writeValueAsString(entry.details()))
                    .update();
        } catch (RuntimeException | JsonProcessingException e) {
            log.error("could not write the audit entry for {} ({})", entry.operation(), entry.outcome(), e);
        }
    }

    /** Newest first; {@code operation} may be null for all. */
    public List<AuditEntry> recent(String operation, int limit) {
        return jdbc.sql("""
                SELECT id, occurred_at, actor, operation, target, outcome, request_id, details::text AS details
                FROM audit_log WHERE (CAST(:operation AS TEXT) IS NULL OR operation = :operation)
                ORDER BY id DESC LIMIT :limit""")
                .param("operation", operation)
                .param("limit", limit)
                .query(this::map).list();
    }

    private AuditEntry map(ResultSet rs, int row) throws SQLException {
        String details = rs.getString("details");
        Map<String, Object> parsed;
        try {
            parsed = details == null ? null : mapper.readValue(details, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable audit details in row " + rs.getLong("id"), e);
        }
        Timestamp at = rs.getTimestamp("occurred_at");
        return new AuditEntry(rs.getLong("id"), at.toInstant(), rs.getString("actor"), rs.getString("operation"),
                rs.getString("target"), rs.getString("outcome"), rs.getString("request_id"), parsed);
    }
}
