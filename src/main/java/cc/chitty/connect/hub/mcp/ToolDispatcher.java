package cc.chitty.connect.hub.mcp;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cc.chitty.connect.hub.capability.CapabilityFailure;
import cc.chitty.connect.hub.ratelimit.RateLimiter;
import cc.chitty.connect.hub.upstream.ErrorClass;
import cc.chitty.connect.hub.upstream.Fault;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a tool call for either transport and the legacy REST endpoint, in this order: the tool exists, the
 * {@link McpCallGate} admits it (the scope of the capability the tool runs, a token of its rate tier:
 * {@code chittyid_mint} or {@code mcp_tools}, the same buckets the HTTP filter uses), the arguments match the
 * schema; then the tool runs.
 * Refusals are {@link ToolCallRefused}; a failed capability is a result with {@code isError} and the classified
 * fault, never an exception's message.
 */
@Component
class ToolDispatcher {

    /** A finished call and the rate-limit decision it consumed (null when limiting is off). */
    record Outcome(McpSchema.CallToolResult result, RateLimiter.Decision limit) {
    }

    private static final TypeReference<Map<String, Object>> STRUCTURED = new TypeReference<>() {
    };

    private static final Logger log = LoggerFactory.getLogger(ToolDispatcher.class);

    private final HubTools tools;
    private final McpCallGate gate;
    private final ArgumentSchemas schemas;
    private final ObjectMapper mapper;

    ToolDispatcher(HubTools tools, McpCallGate gate, ArgumentSchemas schemas, ObjectMapper mapper) {
        this.tools = tools;
        this.gate = gate;
        this.schemas = schemas;
        this.mapper = mapper;
    }

    Outcome call(String name, Map<String, Object> arguments, Caller caller) {
        return call(name, (JsonNode) mapper.valueToTree(arguments != null ? arguments : Map.of()), caller);
    }

    /** The same, for arguments the caller already holds as a tree (null or JSON null when there are none). */
    Outcome call(String name, JsonNode arguments, Caller caller) {
        HubTool tool = tools.find(name).orElseThrow(() -> ToolCallRefused.unknownTool(name));
        RateLimiter.Decision limit = gate.admit("The tool " + name, List.of(tool.capability()), caller);
        JsonNode args = arguments == null || arguments.isNull() ? mapper.createObjectNode() : arguments;
        List<Fault.Violation> violations = schemas.violations(tool.inputSchema(), args);
        if (!violations.isEmpty()) {
            throw ToolCallRefused.invalidArguments(name, violations);
        }
        try {
            return new Outcome(success(tool, tool.action().run(args, caller)), limit);
        } catch (CapabilityFailure failure) {
            if (failure.isInvalidRequest()) {
                throw ToolCallRefused.invalidArguments(name, failure.fault().violations());
            }
            return new Outcome(failed(failure.fault()), limit);
        } catch (ToolCallRefused refused) {
            throw refused;
        } catch (Exception e) {
            log.error("tool {} failed inside the hub", name, e);
            return new Outcome(failed(Fault.of(ErrorClass.INTERNAL, "The hub could not complete the tool call")),
                    limit);
        }
    }

    /**
     * The original's success shape, the answer as pretty-printed JSON text; for a tool with an output schema (its
     * answer is the hub's own) the same answer as structured content too.
     */
    private McpSchema.CallToolResult success(HubTool tool, String answer) throws IOException {
        boolean empty = answer == null || answer.isBlank();
        JsonNode parsed = empty ? null : parsed(answer);
        String text = empty ? "{}" : parsed == null ? answer
                : mapper.writerWithDefaultPrettyPrinter().writeValueAsString(parsed);
        McpSchema.CallToolResult.Builder result = McpSchema.CallToolResult.builder().addTextContent(text)
                .isError(false);
        if (tool.outputSchema() != null) {
            if (parsed == null || !parsed.isObject()) {
                throw new IOException("the answer of the tool " + tool.name() + " is not a JSON object");
            }
            result.structuredContent(mapper.convertValue(parsed, STRUCTURED));
        }
        return result.build();
    }

    private McpSchema.CallToolResult failed(Fault fault) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", fault.detail());
        error.put("errorClass", fault.errorClass().id());
        error.put("service", fault.service());
        error.put("upstreamStatus", fault.upstreamStatus());
        error.put("retryAfter", fault.retryAfterSeconds());
        error.put("upstreamError", fault.upstreamBody());
        error.values().removeIf(Objects::isNull);
        try {
            return McpSchema.CallToolResult.builder()
                    .addTextContent(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(error))
                    .isError(true).build();
        } catch (IOException e) {
            return McpSchema.CallToolResult.builder().addTextContent(fault.detail()).isError(true).build();
        }
    }

    /** The answer parsed once for both of its shapes, null when it is not JSON. */
    private JsonNode parsed(String answer) {
        try {
            return mapper.readTree(answer);
        } catch (IOException notJson) {
            return null;
        }
    }
}
