package cc.chitty.connect.hub.ratelimit;

/**
 * The original's rate-limit tiers, and the hub's two budgets of failures per address (requests refused 401 for a
 * missing or unknown key, failed operator logins); the name is what {@code RateLimit-Policy} reports.
 */
enum Tier {
    DEFAULT("default"),
    API("api"),
    MCP_TOOLS("mcp_tools"),
    CHITTYID_MINT("chittyid_mint"),
    AUTHENTICATED("authenticated"),
    UNAUTHENTICATED("unauthenticated"),
    OPERATOR_LOGIN("operator_login");

    final String policyName;

    Tier(String policyName) {
        this.policyName = policyName;
    }

    int limit(RateLimitProperties.Tiers tiers) {
        return switch (this) {
            case DEFAULT -> tiers.anonymous();
            case API -> tiers.api();
            case MCP_TOOLS -> tiers.mcpTools();
            case CHITTYID_MINT -> tiers.chittyidMint();
            case AUTHENTICATED -> tiers.authenticated();
            case UNAUTHENTICATED -> tiers.unauthenticated();
            case OPERATOR_LOGIN -> tiers.operatorLogin();
        };
    }
}
