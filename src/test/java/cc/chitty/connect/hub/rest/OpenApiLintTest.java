package cc.chitty.connect.hub.rest;

import static org.assertj.core.api.Assertions.assertThat;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.NodeTools;
import org.junit.jupiter.api.Test;

/** The served /openapi.json passes Redocly's recommended rules, as a GPT action builder and code generators need. */
class OpenApiLintTest extends HubIntegrationTest {

    @Test
    void theServedDocumentLintsCleanWithRedoclysRecommendedRules() {
        NodeTools.Result lint = NodeTools.lintOpenApi(send(request("/openapi.json").GET().build()).body(),
                "openapi-served.json");

        assertThat(lint.exitCode()).as(lint.output()).isZero();
    }
}
