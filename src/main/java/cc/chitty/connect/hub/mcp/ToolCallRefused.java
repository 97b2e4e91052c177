package cc.chitty.connect.hub.mcp;

import java.util.List;

import cc.chitty.connect.hub.ratelimit.RateLimiter;
import cc.chitty.connect.hub.upstream.Fault;

/**
 * A call the hub refused before running it: an unknown tool, arguments that fail the tool's (or prompt's) schema,
 * a key without the scope of the tool or resource, or a spent rate limit. Each door maps the reason to its
 * protocol (JSON-RPC error, HTTP status) in one place.
 */
final class ToolCallRefused extends RuntimeException {

    enum Reason { UNKNOWN_TOOL, INVALID_ARGUMENTS, INSUFFICIENT_SCOPE, RATE_LIMITED }

    private final Reason reason;
    private final transient List<Fault.Violation> violations;
    private final String requiredScope;
    private final transient RateLimiter.Decision limit;

    private ToolCallRefused(Reason reason, String message, List<Fault.Violation> violations, String requiredScope,
            RateLimiter.Decision limit) {
        super(message, null, false, false);
        this.reason = reason;
        this.violations = violations;
        this.requiredScope = requiredScope;
        this.limit = limit;
    }

    static ToolCallRefused unknownTool(String name) {
        return new ToolCallRefused(Reason.UNKNOWN_TOOL, "Unknown tool: " + name, List.of(), null, null);
    }

    /** @param target the tool or prompt whose arguments failed */
    static ToolCallRefused invalidArguments(String target, List<Fault.Violation> violations) {
        String fields = String.join("; ", violations.stream()
                .map(v -> (v.field().isEmpty() ? "arguments" : v.field()) + ": " + v.message()).toList());
        return new ToolCallRefused(Reason.INVALID_ARGUMENTS, "Invalid arguments for " + target + ": " + fields,
                List.copyOf(violations), null, null);
    }

    /** @param subject what was asked for, e.g. "The tool chittyid_mint" */
    static ToolCallRefused insufficientScope(String subject, String scope) {
        return new ToolCallRefused(Reason.INSUFFICIENT_SCOPE, subject + " needs the scope " + scope,
                List.of(), scope, null);
    }

    static ToolCallRefused rateLimited(RateLimiter.Decision limit) {
        return new ToolCallRefused(Reason.RATE_LIMITED, "Rate limit exceeded: at most " + limit.limit()
                + " calls per " + limit.windowSeconds() + " s in the " + limit.policy() + " tier", List.of(), null,
                limit);
    }

    Reason reason() {
        return reason;
    }

    List<Fault.Violation> violations() {
        return violations;
    }

    String requiredScope() {
        return requiredScope;
    }

    RateLimiter.Decision limit() {
        return limit;
    }
}
