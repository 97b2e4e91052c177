package cc.chitty.connect.hub.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cc.chitty.connect.hub.upstream.Fault;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original's REST imitation of MCP, kept for clients written against it, with its reply shapes, served from
 * the same tools and resources as the protocol endpoints. Its HTTP mapping of refusals lives here: unknown tool
 * 404, invalid arguments 400 (with {@code errors}), missing scope 403, spent rate limit 429 with the limit
 * headers; a failed tool keeps the original's 500 with {@code isError: true}.
 */
@RestController
@RequestMapping("/mcp")
class LegacyMcpController {

    private final ToolDispatcher dispatcher;
    private final McpHandlers handlers;
    private final HubResources resources;
    private final String version;

    LegacyMcpController(ToolDispatcher dispatcher, McpHandlers handlers, HubResources resources,
            @Value("${hub.version}") String version) {
        this.dispatcher = dispatcher;
        this.handlers = handlers;
        this.resources = resources;
        this.version = version;
    }

    record ToolCallBody(String name, Map<String, Object> arguments) {
    }

    @GetMapping("/manifest")
    Map<String, Object> manifest() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schema_version", "2024-11-05");
        manifest.put("name", McpServers.SERVER_NAME);
        manifest.put("version", version);
        manifest.put("description", "ChittyConnect Hub: the ChittyOS services, Notion and OpenAI as MCP tools");
        manifest.put("capabilities", Map.of("tools", true, "resources", true, "prompts", true));
        manifest.put("vendor", Map.of("name", "ChittyOS", "url", "https://chitty.cc"));
        manifest.put("transports", Map.of("streamableHttp", "/mcp", "sse", "/mcp/sse"));
        return manifest;
    }

    @GetMapping("/tools/list")
    Map<String, Object> tools(HttpServletRequest request) {
        Caller caller = Caller.of(request);
        return Map.of("tools", handlers.tools().stream().filter(t -> handlers.shows(t.name(), caller))
                .map(t -> Map.of("name", t.name(), "description",
                t.description(), "inputSchema", t.inputSchema())).toList());
    }

    @PostMapping("/tools/call")
    ResponseEntity<Object> call(@RequestBody(required = false) ToolCallBody body, HttpServletRequest request,
            HttpServletResponse response) {
        if (body == null || body.name() == null || body.name().isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "Tool name is required"));
        }
        try {
            ToolDispatcher.Outcome outcome = dispatcher.call(body.name(), body.arguments(), Caller.of(request));
            if (outcome.limit() != null) {
                outcome.limit().writeHeaders(response);
            }
            McpSchema.CallToolResult result = outcome.result();
            List<Map<String, String>> content = result.content().stream()
                    .map(c -> Map.of("type", "text", "text", ((McpSchema.TextContent) c).text())).toList();
            return Boolean.TRUE.equals(result.isError())
                    ? ResponseEntity.status(500).body(Map.of("content", content, "isError", true))
                    : ResponseEntity.ok(Map.of("content", content));
        } catch (ToolCallRefused refused) {
            return refusal(refused, response);
        }
    }

    @GetMapping("/resources/list")
    Map<String, Object> resourceList() {
        return Map.of("resources", resources.all().stream().map(r -> Map.of("uri", r.uri(), "name", r.name(),
                "description", r.description(), "mimeType", HubResources.MIME_TYPE)).toList());
    }

    @GetMapping("/resources/read")
    ResponseEntity<Object> read(@RequestParam(required = false) String uri, HttpServletRequest request,
            HttpServletResponse response) {
        if (uri == null || uri.isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "Resource URI is required"));
        }
        HubResources.HubResource resource = resources.find(uri).orElse(null);
        if (resource == null) {
            return ResponseEntity.status(404).body(Map.of("error", "Unknown resource"));
        }
        try {
            return ResponseEntity.ok(Map.of("contents", List.of(Map.of("uri", uri, "mimeType",
                    HubResources.MIME_TYPE, "text", resources.read(resource, Caller.of(request))))));
        } catch (ToolCallRefused refused) {
            return refusal(refused, response);
        } catch (CapabilityFailure failure) {
            Fault fault = failure.fault();
            return ResponseEntity.status(502).body(Map.of("error", fault.detail(), "errorClass",
                    fault.errorClass().id()));
        }
    }

    private static ResponseEntity<Object> refusal(ToolCallRefused refused, HttpServletResponse response) {
        return switch (refused.reason()) {
            case UNKNOWN_TOOL -> ResponseEntity.status(404).body(Map.of("error", refused.getMessage()));
            case INVALID_ARGUMENTS -> ResponseEntity.badRequest().body(Map.of("error", refused.getMessage(),
                    "errors", refused.violations()));
            case INSUFFICIENT_SCOPE -> ResponseEntity.status(403).body(Map.of("error", refused.getMessage(),
                    "requiredScope", refused.requiredScope()));
            case RATE_LIMITED -> {
                refused.limit().writeHeaders(response);
                yield ResponseEntity.status(429).body(Map.of("error", refused.getMessage(),
                        "retryAfter", refused.limit().retryAfterSeconds()));
            }
        };
    }
}
