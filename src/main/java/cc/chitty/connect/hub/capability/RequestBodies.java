package cc.chitty.connect.hub.capability;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cc.chitty.connect.hub.upstream.InvalidParameterException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Body;
import org.apache.camel.Headers;
import org.springframework.stereotype.Component;

/** Small reshapings of a JSON request body that capability routes need before the upstream call. */
@Component("requestBodies")
public class RequestBodies {

    private final ObjectMapper mapper;

    RequestBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Moves a top-level field out of the body into a header, e.g. an id that belongs in the upstream path. */
    public String moveToHeader(@Body String body, @Headers Map<String, Object> headers, String field)
            throws IOException {
        JsonNode request = mapper.readTree(body);
        if (request instanceof ObjectNode object && object.has(field)) {
            headers.put(field, object.remove(field).asText());
            return mapper.writeValueAsString(object);
        }
        return body;
    }

    /**
     * Refuses the body unless its top-level text field is one of {@code allowed} (comma-separated), e.g. a model
     * from a configured allow-list; the body passes unchanged.
     */
    public String requireOneOf(@Body String body, String field, String allowed) throws IOException {
        List<String> values = Arrays.stream(allowed.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        JsonNode value = mapper.readTree(body).path(field);
        if (!value.isTextual() || !values.contains(value.asText())) {
            throw new InvalidParameterException(field, "must be one of " + String.join(", ", values));
        }
        return body;
    }

    /** Sets a top-level text field when the client left it out (a default that comes from configuration). */
    public String withDefault(@Body String body, String field, String value) throws IOException {
        JsonNode request = mapper.readTree(body);
        if (request instanceof ObjectNode object && !object.hasNonNull(field)) {
            object.put(field, value);
            return mapper.writeValueAsString(object);
        }
        return body;
    }
}
