package cc.chitty.connect.hub.mcp;

import java.util.List;

import cc.chitty.connect.hub.ratelimit.RateLimiter;
import cc.chitty.connect.hub.security.OperationScopes;
import cc.chitty.connect.hub.web.EdgeRefusals;
import org.springframework.stereotype.Component;

/**
 * What every MCP call passes before it runs, tool, resource or prompt alike: the client (API key or access token)
 * has the scope of each capability the call will run (all of them, so a document that combines two capabilities is
 * never shown to a client that may see only one), then one token of the rate tier of the first capability ({@code mcp_tools} unless that
 * capability has a tier of its own).
 */
@Component
class McpCallGate {

    private final OperationScopes scopes;
    private final RateLimiter limiter;
    private final EdgeRefusals refusals;

    McpCallGate(OperationScopes scopes, RateLimiter limiter, EdgeRefusals refusals) {
        this.scopes = scopes;
        this.limiter = limiter;
        this.refusals = refusals;
    }

    /** Whether the key has the scope of every capability, without taking a rate-limit token. */
    boolean allows(List<String> capabilities, Caller caller) {
        return capabilities.stream().allMatch(c -> OperationScopes.grants(caller.client().scopes(),
                scopes.requiredFor(c)));
    }

    /**
     * @param subject what was asked for, e.g. "The tool chittyid_mint", for the refusal's message
     * @return the rate-limit decision the call consumed, or null when limiting is off
     * @throws ToolCallRefused for a missing scope or a spent limit
     */
    RateLimiter.Decision admit(String subject, List<String> capabilities, Caller caller) {
        for (String capability : capabilities) {
            String scope = scopes.requiredFor(capability);
            if (!OperationScopes.grants(caller.client().scopes(), scope)) {
                refusals.refusedMcpCall("scope", 403);
                throw ToolCallRefused.insufficientScope(subject, scope);
            }
        }
        if (!limiter.enabled()) {
            return null;
        }
        RateLimiter.Decision limit = limiter.takeMcpCall(caller.client(),
                capabilities.isEmpty() ? null : capabilities.get(0));
        if (!limit.allowed()) {
            refusals.refusedMcpCall("rate-limit", 429);
            throw ToolCallRefused.rateLimited(limit);
        }
        return limit;
    }
}
