package cc.chitty.connect.hub.routes;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import cc.chitty.connect.hub.support.RouteFiles;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.ThrottlerRejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pattern for a throttled third-party route: the quota route alone, its placeholder given by the test, the
 * connector a MockEndpoint that counts what got through.
 */
class NotionQuotaRouteTest {

    private final DefaultCamelContext context = new DefaultCamelContext();
    private ProducerTemplate client;
    private MockEndpoint notion;

    @BeforeEach
    void loadTheQuotaRouteAlone() throws Exception {
        context.getPropertiesComponent().addInitialProperty("hub.quotas.notion.requests-per-second", "2");
        // an hour's period, so the test holds however slowly the machine runs the three calls
        context.getPropertiesComponent().addInitialProperty("hub.quotas.notion.period-millis", "3600000");
        RouteFiles.load(context, List.of("thirdparty.camel.yaml"), "quota.notion");
        AdviceWith.adviceWith(context, "quota.notion",
                route -> route.weaveByToUri("direct:upstream.notion").replace().to("mock:notion"));
        context.start();
        client = context.createProducerTemplate();
        notion = context.getEndpoint("mock:notion", MockEndpoint.class);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aCallPastTheQuotaIsRefusedAtOnceAndNeverReachesNotion() throws Exception {
        notion.expectedMessageCount(2);

        // the third call in the period is over the quota of 2
        client.requestBody("direct:quota.notion", "{}");
        client.requestBody("direct:quota.notion", "{}");
        assertThatThrownBy(() -> client.requestBody("direct:quota.notion", "{}"))
                .hasCauseInstanceOf(ThrottlerRejectedExecutionException.class);

        notion.assertIsSatisfied();
    }
}
