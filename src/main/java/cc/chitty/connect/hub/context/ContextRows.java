package cc.chitty.connect.hub.context;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code contexts} table, row by row as the steps succeed, so a crash never costs a second mint. */
@Repository
class ContextRows {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    ContextRows(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    Optional<ContextRecord> find(String name) {
        return jdbc.sql("""
                SELECT chittyid, dna_id, api_key_id, verification_id, certification_id
                FROM contexts WHERE name = :name""")
                .param("name", name)
                .query((rs, row) -> new ContextRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .optional();
    }

    void save(String name, ContextRecord context, Map<String, Object> metadata) {
        jdbc.sql("""
                INSERT INTO contexts (chittyid, name, dna_id, api_key_id, verification_id, certification_id, metadata)
                VALUES (:chittyid, :name, :dna, :key, :verification, :certification, CAST(:metadata AS jsonb))
                ON CONFLICT (chittyid) DO UPDATE SET dna_id = EXCLUDED.dna_id, api_key_id = EXCLUDED.api_key_id,
                    verification_id = EXCLUDED.verification_id, certification_id = EXCLUDED.certification_id,
                    metadata = EXCLUDED.metadata, updated_at = now()""")
                .param("chittyid", context.chittyid())
                .param("name", name)
                .param("dna", context.dnaId())
                .param("key", context.apiKeyId())
                .param("verification", context.verificationId())
                .param("certification", context.certificationId())
                .param("metadata", json(metadata))
                .update();
    }

    private String json(Map<String, Object> metadata) {
        try {
            return mapper.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the context's metadata", e);
        }
    }
}
