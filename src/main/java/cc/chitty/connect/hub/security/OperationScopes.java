package cc.chitty.connect.hub.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import cc.chitty.connect.hub.routes.RouteChanges;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Which scope each capability needs, and whether a client (API key or access token) has it. Scopes are keyed by
 * capability id, whichever door runs it: the {@code scope} parameter of the capability's templated route in its
 * route file, else {@code hub.scopes.capabilities} ({@code chittyid.mint: chittyid:mint}); a REST request needs the
 * scope of the capability its route runs, never one read from its URL. Each capability's scope is resolved once,
 * and again after its route is reloaded.
 * A capability named with an empty scope needs only a valid key; one not named needs {@code <service>:*} (the id up
 * to its first dot), so a capability nobody has classified yet is open only to keys trusted with its whole service.
 * A key's {@code admin} scope grants everything, {@code *} everything but {@code admin}, {@code <service>:*} every
 * scope of that service.
 */
@Component
@EnableConfigurationProperties(OperationScopes.Properties.class)
public class OperationScopes {

    /** {@code hub.scopes}: the scope of each capability, by capability id. */
    @ConfigurationProperties("hub.scopes")
    record Properties(Map<String, String> capabilities) {
        Properties {
            capabilities = capabilities != null ? capabilities : Map.of();
        }
    }

    static final String ALL = "*";
    static final String ADMIN = "admin";

    private static final String NONE = "";

    private final Map<String, String> capabilities;
    private final CamelContext camel;
    // capability id -> its scope, NONE for none; the route model is a list, searched once per capability
    private final Map<String, String> resolved = new ConcurrentHashMap<>();

    OperationScopes(Properties properties, CamelContext camel, RouteChanges changes) {
        this.capabilities = properties.capabilities();
        this.camel = camel;
        changes.onChange(resolved::remove);
    }

    /** The scope a capability needs, or null when a valid key is enough. */
    public String requiredFor(String capability) {
        String scope = resolved.computeIfAbsent(capability, this::resolve);
        return scope == NONE ? null : scope;
    }

    private String resolve(String capability) {
        String declared = declaredInRouteFile(capability);
        if (declared != null) {
            return declared;
        }
        String named = capabilities.get(capability);
        if (named != null) {
            return named.isBlank() ? NONE : named;
        }
        int dot = capability.indexOf('.');
        return (dot < 0 ? capability : capability.substring(0, dot)) + ":" + ALL;
    }

    /** Every scope some capability needs, for what the hub tells OAuth clients they may ask for. */
    Set<String> named() {
        Set<String> named = new TreeSet<>(capabilities.values());
        named.remove("");
        return named;
    }

    /** The non-blank {@code scope} parameter the capability's templated route was created with, else null. */
    private String declaredInRouteFile(String capability) {
        RouteDefinition route = camel.getCamelContextExtension().getContextPlugin(Model.class)
                .getRouteDefinition(capability);
        Object scope = route == null || route.getTemplateParameters() == null ? null
                : route.getTemplateParameters().get("scope");
        return scope == null || scope.toString().isBlank() ? null : scope.toString().trim();
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
}
