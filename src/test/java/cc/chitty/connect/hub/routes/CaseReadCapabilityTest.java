package cc.chitty.connect.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import cc.chitty.connect.hub.support.RouteFiles;
import cc.chitty.connect.hub.upstream.InvalidParameterException;
import cc.chitty.connect.hub.capability.RequestParameters;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pattern for a REST capability: its templatedRoute from routes/ alone in a plain CamelContext, the connector
 * skipped for a MockEndpoint that checks what the capability hands the upstream and answers for it.
 */
class CaseReadCapabilityTest {

    private final DefaultCamelContext context = new DefaultCamelContext();
    private ProducerTemplate client;
    private MockEndpoint upstream;

    @BeforeEach
    void loadTheCapabilityAlone() throws Exception {
        context.getRegistry().bind("requestParameters", new RequestParameters());
        RouteFiles.load(context, List.of("capability-templates.camel.yaml", "chittycases.camel.yaml"),
                "chittycases.get");
        // the template's steps still hold {{service}} until the route starts: match the endpoint as it is resolved
        AdviceWith.adviceWith(context, "chittycases.get",
                route -> route.mockEndpointsAndSkip("direct:upstream.chittycases"));
        context.start();
        client = context.createProducerTemplate();
        upstream = context.getEndpoint("mock:direct:upstream.chittycases", MockEndpoint.class);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aCaseIsReadWithAGetOnItsPathAndTheUpstreamsAnswerIsReturned() throws Exception {
        upstream.expectedMessageCount(1);
        upstream.expectedPropertyReceived("upstreamMethod", "GET");
        upstream.expectedPropertyReceived("upstreamPath", "/api/cases/CASE-42");
        upstream.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody("{\"id\":\"CASE-42\"}"));

        String answer = client.requestBodyAndHeader("direct:chittycases.get", null, "caseId", "CASE-42",
                String.class);

        assertThat(answer).isEqualTo("{\"id\":\"CASE-42\"}");
        upstream.assertIsSatisfied();
    }

    @Test
    void aCaseIdThatIsNotAnIdentifierNeverReachesTheUpstream() throws Exception {
        upstream.expectedMessageCount(0);

        assertThatThrownBy(() -> client.requestBodyAndHeader("direct:chittycases.get", null, "caseId", "../keys"))
                .hasCauseInstanceOf(InvalidParameterException.class);
        upstream.assertIsSatisfied();
    }
}
