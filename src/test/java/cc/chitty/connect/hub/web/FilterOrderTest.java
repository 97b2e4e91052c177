package cc.chitty.connect.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import org.apache.catalina.Context;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/** The servlet filters run in the order {@link FilterOrder} names, as the running container registered them. */
class FilterOrderTest extends HubIntegrationTest {

    private static final List<String> IN_ORDER = List.of(
            "requestIdFilter",
            "startingFilter",
            "corsFilter",
            "encodedPathFilter",
            "mcpOriginGuard",
            "bodyLimitFilter",
            "jsonContentTypeFilter",
            "springSecurityFilterChain",
            "rateLimitFilter",
            "jsonRpcParamsGuard",
            "legacySseSessionsFilter",
            "listenSubscriptions",
            "jolokiaGetGuardFilter");

    @Autowired
    private ServletWebServerApplicationContext context;

    @Test
    void theContainerRunsTheHubsFiltersInTheOrderFilterOrderNames() {
        Context servletContext = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost()
                .findChildren()[0];
        List<String> registered = Arrays.stream(servletContext.findFilterMaps()).map(FilterMap::getFilterName)
                .distinct().toList();

        assertThat(registered.stream().filter(IN_ORDER::contains).toList()).as("all registered: %s", registered)
                .isEqualTo(IN_ORDER);
    }
}
