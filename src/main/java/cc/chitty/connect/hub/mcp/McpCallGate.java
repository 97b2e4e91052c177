package cc.chitty.connect.hub.mcp;

import java.util.List;

import cc.chitty.connect.hub.ratelimit.RateLimiter;
import cc.chitty.connect.hub.security.OperationScopes;
import org.springframework.stereotype.Component;

/**
 * What every MCP call passes before it runs, tool, resource or prompt alike: the key has the scope of each
 * capability the call will run (all of them, so a document that combines two capabilities is never shown to a key
 * that may see only one), then one token of the rate tier of the first capability ({@code mcp_tools} unless that
 * capability has a tier of its own).
 */
@Component
class McpCallGate {

    private final OperationScopes scopes;
    private final RateLimiter limiter;

    McpCallGate(OperationScopes scopes, RateLimiter limiter) {
        this.scopes = scopes;
        this.limiter = limiter;
    }

    /** Whether the key has the scope of every capability, without taking a rate-limit token. */
    boolean allows(List<String> capabilities, Caller caller) {
        return capabilities.stream().allMatch(c -> OperationScopes.grants(caller.key().scopes(),
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
            if (!OperationScopes.grants(caller.key().scopes(), scope)) {
                throw ToolCallRefused.insufficientScope(subject, scope);
            }
        }
        if (!limiter.enabled()) {
            return null;
        }
        RateLimiter.Decision limit = limiter.takeMcpCall(caller.key(),
                capabilities.isEmpty() ? null : capabilities.get(0));
        if (!limit.allowed()) {
            throw ToolCallRefused.rateLimited(limit);
        }
        return limit;
    }
}
