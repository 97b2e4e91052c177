package cc.chitty.connect.hub.ops;

import cc.chitty.connect.hub.security.OperatorCredentials;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Once the hub is ready, prints where everything is (the public port's doors, the management port's console and
 * admin API) and how to make the first API key. Printed to standard output,
 * not logged: it is for the person who started the hub, and may carry the generated operator password.
 */
@Component
class ReadyBanner {

    private final OperatorCredentials operator;
    private final String baseUrl;

    ReadyBanner(OperatorCredentials operator, @Value("${hub.public-base-url:}") String baseUrl) {
        this.operator = operator;
        this.baseUrl = baseUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    void print(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String baseUrl = !this.baseUrl.isBlank() ? this.baseUrl
                : "http://localhost:" + environment.getProperty("local.public.port");
        String management = "http://localhost:" + environment.getProperty("local.server.port");
        String password = operator.generatedPassword().orElse("<HUB_OPERATOR_PASSWORD>");
        String note = operator.generatedPassword().isPresent()
                ? "  (generated for this run; set HUB_OPERATOR_PASSWORD to choose one)\n" : "";
        System.out.printf("""

                ChittyConnect Hub is ready (%.1f s)
                  public port
                    REST     %s/api/...
                    MCP      %s/mcp
                    OpenAPI  %s/openapi.json
                  management port
                    Hawtio   %s/actuator/hawtio   operator login: %s / %s
                    Admin    %s/admin/...
                %s  First API key:
                    curl -u %s:%s -H 'X-Requested-By: cli' -H 'Content-Type: application/json' \\
                         -d '{"name":"my-client","scopes":["chittyid:mint"]}' %s/admin/api-keys

                """, event.getTimeTaken().toMillis() / 1000.0, baseUrl, baseUrl, baseUrl, management,
                operator.username(), password, management, note, operator.username(), password, management);
    }
}
