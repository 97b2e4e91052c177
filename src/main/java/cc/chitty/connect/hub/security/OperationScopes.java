package cc.chitty.connect.hub.security;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Which scope each REST operation needs, and whether a key has it. An operation named in
 * {@code hub.scopes.operations} ({@code "POST /api/chittyid/mint": chittyid:mint}) needs that scope; any other
 * {@code /api/<service>/…} operation needs {@code <service>:read} for GET and {@code <service>:write} otherwise.
 * An operation named with an empty scope needs only a valid key.
 * A key's {@code admin} scope grants everything, {@code *} everything but {@code admin}, {@code <service>:*} every
 * scope of that service.
 */
@Component
@EnableConfigurationProperties(OperationScopes.Properties.class)
public class OperationScopes implements AuthorizationManager<RequestAuthorizationContext> {

    /** {@code hub.scopes}: operations ({@code "<METHOD> <path>"}) with a scope of their own. */
    @ConfigurationProperties("hub.scopes")
    record Properties(Map<String, String> operations) {
        Properties {
            operations = operations != null ? operations : Map.of();
        }
    }

    static final String ALL = "*";
    static final String ADMIN = "admin";

    private final Map<String, String> operations;

    OperationScopes(Properties properties) {
        this.operations = properties.operations();
    }

    /** The scope the request's operation needs, or null when it needs none beyond a valid key. */
    public String requiredFor(HttpServletRequest request) {
        return requiredFor(request.getMethod(), request.getRequestURI());
    }

    /** The scope a REST operation needs; MCP tools name the operation they stand for. */
    public String requiredFor(String method, String path) {
        String named = operations.get(method + " " + path);
        if (named != null) {
            return named.isBlank() ? null : named;
        }
        if (!path.startsWith("/api/")) {
            return null;
        }
        String rest = path.substring("/api/".length());
        int slash = rest.indexOf('/');
        String service = slash < 0 ? rest : rest.substring(0, slash);
        return service + ("GET".equals(method) || "HEAD".equals(method) ? ":read" : ":write");
    }

    public static boolean grants(List<String> scopes, String required) {
        if (required == null || scopes.contains(ADMIN) || scopes.contains(required)) {
            return true;
        }
        if (scopes.contains(ALL)) {
            return !ADMIN.equals(required);
        }
        int colon = required.indexOf(':');
        return colon > 0 && scopes.contains(required.substring(0, colon) + ":*");
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(authentication.get() instanceof ApiKeyAuthentication key
                && grants(key.scopes(), requiredFor(context.getRequest())));
    }
}
