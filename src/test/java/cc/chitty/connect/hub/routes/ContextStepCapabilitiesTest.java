package cc.chitty.connect.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import cc.chitty.connect.hub.capability.RequestDefaults;
import cc.chitty.connect.hub.capability.RequestParameters;
import cc.chitty.connect.hub.support.NoCanonicalFields;
import cc.chitty.connect.hub.support.RouteFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.jsonvalidator.JsonValidationException;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two capabilities the hub's context initialisation calls, each alone with its connector skipped: what they send
 * upstream (path, schema defaults, the caller's X-ChittyID) and what they refuse before any call.
 */
class ContextStepCapabilitiesTest {

    private final DefaultCamelContext context = new DefaultCamelContext();
    private final ObjectMapper mapper = new ObjectMapper();
    private ProducerTemplate client;

    @BeforeEach
    void loadTheCapabilitiesAlone() throws Exception {
        context.getRegistry().bind("requestParameters", new RequestParameters());
        context.getRegistry().bind("requestDefaults", new RequestDefaults(mapper, new RouteResources(RouteFiles.LOCATION)));
        context.getRegistry().bind("canonicalValues", new NoCanonicalFields());
        RouteFiles.load(context, List.of("capability-templates.camel.yaml", "chittycertify.camel.yaml",
                "chittyauth.camel.yaml"), "chittycertify.context", "chittyauth.provision");
        AdviceWith.adviceWith(context, "chittycertify.context",
                route -> route.mockEndpointsAndSkip("direct:upstream.chittycertify"));
        AdviceWith.adviceWith(context, "chittyauth.provision",
                route -> route.mockEndpointsAndSkip("direct:upstream.chittyauth"));
        context.start();
        client = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aCertificationIsPostedWithTheStandardsAndLevelFromItsSchema() throws Exception {
        MockEndpoint upstream = context.getEndpoint("mock:direct:upstream.chittycertify", MockEndpoint.class);
        upstream.expectedMessageCount(1);
        upstream.expectedPropertyReceived("upstreamMethod", "POST");
        upstream.expectedPropertyReceived("upstreamPath", "/api/certify/context");
        upstream.expectedPropertyReceived("upstreamHeaders", Map.of("X-ChittyID", "CTX-1"));
        upstream.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody("{\"id\":\"CERT-1\"}"));

        String answer = client.send("direct:chittycertify.context", exchange -> {
            exchange.setProperty("upstreamHeaders", Map.of("X-ChittyID", "CTX-1"));
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setBody("{\"verification\":\"VER-1\"}");
        }).getMessage().getBody(String.class);

        assertThat(answer).isEqualTo("{\"id\":\"CERT-1\"}");
        upstream.assertIsSatisfied();
        JsonNode sent = mapper.readTree(upstream.getExchanges().get(0).getMessage().getBody(String.class));
        assertThat(sent.path("verification").asText()).isEqualTo("VER-1");
        assertThat(sent.path("securityLevel").asText()).isEqualTo("standard");
        assertThat(sent.path("compliantWith").toString()).isEqualTo("[\"chittyos-v1\",\"mcp-2024-11-05\"]");
    }

    @Test
    void keysForAContextWithoutItsServiceAreRefusedBeforeAnyCall() throws Exception {
        MockEndpoint upstream = context.getEndpoint("mock:direct:upstream.chittyauth", MockEndpoint.class);
        upstream.expectedMessageCount(0);

        assertThatThrownBy(() -> client.requestBody("direct:chittyauth.provision", "{\"context\":\"CTX-1\"}"))
                .hasCauseInstanceOf(JsonValidationException.class);
        upstream.assertIsSatisfied();
    }

    @Test
    void keysAreProvisionedWithTheDefaultScopesUnlessTheCallerNamesThem() throws Exception {
        MockEndpoint upstream = context.getEndpoint("mock:direct:upstream.chittyauth", MockEndpoint.class);
        upstream.expectedMessageCount(2);
        upstream.expectedPropertyReceived("upstreamPath", "/api/keys/provision");

        client.requestBody("direct:chittyauth.provision", "{\"service\":\"chittyconnect\",\"context\":\"CTX-1\"}");
        client.requestBody("direct:chittyauth.provision",
                "{\"service\":\"chittyconnect\",\"context\":\"CTX-1\",\"scopes\":[\"read\"]}");

        upstream.assertIsSatisfied();
        assertThat(mapper.readTree(upstream.getExchanges().get(0).getMessage().getBody(String.class))
                .path("scopes").toString()).isEqualTo("[\"read\",\"write\",\"admin\"]");
        assertThat(mapper.readTree(upstream.getExchanges().get(1).getMessage().getBody(String.class))
                .path("scopes").toString()).isEqualTo("[\"read\"]");
    }
}
