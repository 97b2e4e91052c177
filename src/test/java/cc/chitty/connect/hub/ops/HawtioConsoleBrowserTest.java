package cc.chitty.connect.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.NodeTools;
import org.junit.jupiter.api.Test;

/**
 * The Hawtio console in Debian's headless Chromium, as an operator uses it, under the hub's security (operator
 * login, CSRF token, Jolokia's access policy): {@code scripts/console-check/console-check.mjs} fails on any 4xx/5xx
 * the console receives. Screenshots go to {@code target/console-check}; {@code -Dconsole-check.screenshots=docs/img}
 * refreshes the ones the docs show.
 */
class HawtioConsoleBrowserTest extends HubIntegrationTest {

    private static final String CHROMIUM = "/usr/bin/chromium";

    @Test
    void anOperatorSeesTheRoutesALiveRouteDiagramABreakerAndTheKafkaConsumer() {
        NodeTools.require(CHROMIUM);
        String key = createKey("console-check", "chittyid:mint").get("key").asText();
        Path screenshots = Path.of(System.getProperty("console-check.screenshots", "target/console-check"));

        NodeTools.Result check = NodeTools.run(Duration.ofMinutes(20), Map.of("HUB_URL", "http://127.0.0.1:" + port,
                "HUB_API_URL", "http://127.0.0.1:" + publicPort(),
                "HUB_OPERATOR_USERNAME", OPERATOR, "HUB_OPERATOR_PASSWORD", OPERATOR_PASSWORD, "HUB_API_KEY", key,
                "SCREENSHOT_DIR", screenshots.toAbsolutePath().toString(), "CHROMIUM", CHROMIUM),
                "node", "console-check.mjs");

        assertThat(check.exitCode()).as(check.output()).isZero();
    }
}
