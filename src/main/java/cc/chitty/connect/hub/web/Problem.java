package cc.chitty.connect.hub.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An RFC 9457 problem document. {@code type} is a stable URI per error class; {@code requestId} lets a client quote
 * the request to an operator. Built only from text the hub wrote.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://connect.chitty.cc/problems/";

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final int status;
    private final String type;

    private Problem(int status, String type, String title, String detail) {
        this.status = status;
        this.type = type;
        fields.put("type", TYPE_BASE + type);
        fields.put("title", title);
        fields.put("status", status);
        fields.put("detail", detail);
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            fields.put("requestId", requestId);
        }
    }

    public static Problem of(int status, String type, String title, String detail) {
        return new Problem(status, type, title, detail);
    }

    public Problem with(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    public Problem requestId(String requestId) {
        return with("requestId", requestId);
    }

    public int status() {
        return status;
    }

    /** The error class, without the URI base: {@code rate-limited}. */
    public String type() {
        return type;
    }

    public Map<String, Object> fields() {
        return fields;
    }

    /** As a Spring MVC answer, for controllers. */
    /** The problem as an MVC response; a {@code retryAfter} field is also sent as the {@code Retry-After} header. */
    public ResponseEntity<Object> toResponse() {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.valueOf(MEDIA_TYPE));
        Object retryAfter = fields.get("retryAfter");
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter.toString());
        }
        return response.body(fields);
    }

    public byte[] toJson(ObjectMapper mapper) {
        try {
            return mapper.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem document not serialisable", e);
        }
    }
}
