package cc.chitty.connect.hub.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

import cc.chitty.connect.hub.capability.CapabilityFailure;
import cc.chitty.connect.hub.ratelimit.RateLimiter;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The JSON-RPC door's error mapping, in one place. Unknown tool and invalid arguments are invalid params
 * (-32602, with {@code errors: [{field, message}]}); a missing scope is -32003 with {@code requiredScope}; a spent
 * rate limit is -32029 with {@code limit}, {@code window}, {@code retryAfter} and {@code policy} (the JSON-RPC
 * answer travels in an HTTP 200, so the numbers the 429's headers would carry are in the error's data); an unknown
 * resource is -32002 (resource not found); a request naming a session that is not the caller's open one is -32001
 * in an HTTP 404 ({@link StreamableSessions}).
 */
final class McpErrors {

    static final int INSUFFICIENT_SCOPE = -32003;
    static final int RATE_LIMITED = -32029;
    static final int SESSION_NOT_FOUND = -32001;

    private McpErrors() {
    }

    static McpError of(ToolCallRefused refused) {
        Map<String, Object> data = new LinkedHashMap<>();
        int code = switch (refused.reason()) {
            case UNKNOWN_TOOL -> McpSchema.ErrorCodes.INVALID_PARAMS;
            case INVALID_ARGUMENTS -> {
                data.put("errors", refused.violations());
                yield McpSchema.ErrorCodes.INVALID_PARAMS;
            }
            case INSUFFICIENT_SCOPE -> {
                data.put("requiredScope", refused.requiredScope());
                yield INSUFFICIENT_SCOPE;
            }
            case RATE_LIMITED -> {
                RateLimiter.Decision limit = refused.limit();
                data.put("policy", limit.policy());
                data.put("limit", limit.limit());
                data.put("window", limit.windowSeconds());
                data.put("retryAfter", limit.retryAfterSeconds());
                yield RATE_LIMITED;
            }
        };
        McpError.Builder error = McpError.builder(code).message(refused.getMessage());
        return (data.isEmpty() ? error : error.data(data)).build();
    }

    static McpError unknownResource(String uri) {
        return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND).message("Unknown resource: " + uri)
                .data(Map.of("uri", String.valueOf(uri))).build();
    }

    /** A resource whose capability failed: the classified detail, never the exception's message. */
    static McpError resourceFailed(CapabilityFailure failure) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("errorClass", failure.fault().errorClass().id());
        if (failure.fault().service() != null) {
            data.put("service", failure.fault().service());
        }
        return McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(failure.fault().detail()).data(data)
                .build();
    }
}
