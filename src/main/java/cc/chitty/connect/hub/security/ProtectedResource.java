package cc.chitty.connect.hub.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The hub as an OAuth protected resource (RFC 9728): its two resource identifiers, {@code <resource>} for the REST
 * door and {@code <resource>/mcp} for MCP (what MCP clients send as RFC 8707 {@code resource}), the metadata
 * document of each, and the {@code WWW-Authenticate} challenges that point a client at them. With no issuer
 * configured the challenges are the API-key ones of before and there is no metadata.
 */
@Component
@EnableConfigurationProperties(OAuthProperties.class)
public class ProtectedResource {

    static final String METADATA_PATH = "/.well-known/oauth-protected-resource";
    static final String MCP_PATH = "/mcp";
    private static final String REALM = "Bearer realm=\"chittyconnect\"";

    private final OAuthProperties properties;
    private final OperationScopes scopes;
    private final TokenScopes tokenScopes;

    ProtectedResource(OAuthProperties properties, OperationScopes scopes) {
        this.properties = properties;
        this.scopes = scopes;
        this.tokenScopes = new TokenScopes(properties.scopeMapping());
    }

    public boolean enabled() {
        return properties.enabled();
    }

    public String issuer() {
        return properties.issuer();
    }

    /** Where the hub's metadata document lives. */
    public String metadataUrl() {
        return properties.resource() + METADATA_PATH;
    }

    /** Where the metadata of the resource a request is addressed to lives: MCP's for MCP paths, else the hub's. */
    private String metadataUrl(boolean mcp) {
        return metadataUrl() + (mcp ? MCP_PATH : "");
    }

    /** Whether a servlet request is addressed to MCP's resource rather than the REST door's. */
    static boolean isMcp(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals(MCP_PATH) || path.startsWith(MCP_PATH + "/");
    }

    /** The audiences a token may name: both resource identifiers, and any configured. */
    Set<String> audiences() {
        Set<String> audiences = new TreeSet<>(properties.audiences());
        audiences.add(properties.resource());
        audiences.add(properties.resource() + MCP_PATH);
        return audiences;
    }

    TokenScopes tokenScopes() {
        return tokenScopes;
    }

    OAuthProperties properties() {
        return properties;
    }

    /** For a request (to MCP's resource, or the REST door's) that presented no credential, or one not known. */
    String challenge(boolean mcp) {
        return REALM + metadataParameter(mcp);
    }

    /** For an access token that failed its checks. */
    String invalidToken(boolean mcp, String description) {
        return REALM + ", error=\"invalid_token\", error_description=\"" + quotable(description) + "\""
                + metadataParameter(mcp);
    }

    /** For a credential without the scope the operation needs, named as the issuer grants it. */
    String insufficientScope(boolean mcp, String hubScope) {
        return REALM + ", error=\"insufficient_scope\""
                + (hubScope == null ? "" : ", scope=\"" + quotable(tokenScopes.issuerName(hubScope)) + "\"")
                + metadataParameter(mcp);
    }

    /** The RFC 9728 document for the resource at {@code path} ("" or "/mcp"). */
    Map<String, Object> metadata(String path) {
        Set<String> supported = new TreeSet<>();
        scopes.named().forEach(scope -> supported.add(tokenScopes.issuerName(scope)));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("resource", properties.resource() + path);
        document.put("authorization_servers", List.of(properties.issuer()));
        document.put("scopes_supported", List.copyOf(supported));
        document.put("bearer_methods_supported", List.of("header"));
        document.put("resource_name", MCP_PATH.equals(path) ? "ChittyConnect Hub (MCP)" : "ChittyConnect Hub");
        document.put("resource_documentation", properties.resourceDocumentation().isEmpty()
                ? properties.resource() + "/openapi.json" : properties.resourceDocumentation());
        document.put("tls_client_certificate_bound_access_tokens", false);
        document.put("dpop_bound_access_tokens_required", false);
        return document;
    }

    private String metadataParameter(boolean mcp) {
        return enabled() ? ", resource_metadata=\"" + metadataUrl(mcp) + "\"" : "";
    }

    /** What may stand inside a quoted auth-param: printable ASCII without {@code "} and {@code \}. */
    private static String quotable(String text) {
        return text == null ? "" : text.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "'");
    }
}
