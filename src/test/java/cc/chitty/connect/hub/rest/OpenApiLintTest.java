package cc.chitty.connect.hub.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.NodeTools;
import org.junit.jupiter.api.Test;

/** The served /openapi.json passes Redocly's recommended rules, as a GPT action builder and code generators need. */
class OpenApiLintTest extends HubIntegrationTest {

    @Test
    void theServedDocumentLintsCleanWithRedoclysRecommendedRules() throws IOException {
        NodeTools.require();
        Path served = Files.createDirectories(Path.of("target")).resolve("openapi-served.json").toAbsolutePath();
        Files.writeString(served, send(request("/openapi.json").GET().build()).body());

        NodeTools.Result lint = NodeTools.run(Duration.ofMinutes(3), Map.of("REDOCLY_TELEMETRY", "off",
                "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"), "node_modules/.bin/redocly", "lint", "--extends=recommended",
                served.toString());

        assertThat(lint.exitCode()).as(lint.output()).isZero();
    }
}
