package cc.chitty.connect.hub.ratelimit;

/** The original's rate-limit tiers; the name is what {@code RateLimit-Policy} reports. */
enum Tier {
    DEFAULT("default"),
    API("api"),
    MCP_TOOLS("mcp_tools"),
    CHITTYID_MINT("chittyid_mint"),
    AUTHENTICATED("authenticated");

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
        };
    }
}
