package cc.chitty.connect.hub.mcp;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import cc.chitty.connect.hub.upstream.Fault;
import cc.chitty.connect.hub.upstream.FaultClassifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import org.springframework.stereotype.Component;

/**
 * JSON Schema (2020-12) checks for MCP: tool arguments against the tool's input schema, naming each failing
 * field as the REST door does; also the SDK's validator, with the networknt 1.5 line Camel already uses.
 */
@Component
class ArgumentSchemas implements JsonSchemaValidator {

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // by identity: tool schemas are loaded once, and hashing a nested schema map on every call would cost more
    private final Map<Map<String, Object>, JsonSchema> compiled =
            Collections.synchronizedMap(new IdentityHashMap<>());
    private final ObjectMapper mapper;

    ArgumentSchemas(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<Fault.Violation> violations(Map<String, Object> schema, JsonNode value) {
        return FaultClassifier.violations(compile(schema).validate(value));
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        JsonNode value = mapper.valueToTree(structuredContent);
        List<Fault.Violation> violations = violations(schema, value);
        if (violations.isEmpty()) {
            return ValidationResponse.asValid(value.toString());
        }
        return ValidationResponse.asInvalid(describe(violations));
    }

    /** The violations as the SDK's validator reports them. */
    static String describe(List<Fault.Violation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.message()).toList().toString();
    }

    private JsonSchema compile(Map<String, Object> schema) {
        return compiled.computeIfAbsent(schema, s -> factory.getSchema(mapper.valueToTree(s)));
    }
}
