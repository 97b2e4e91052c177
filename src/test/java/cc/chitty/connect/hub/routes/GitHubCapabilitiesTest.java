package cc.chitty.connect.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cc.chitty.connect.hub.capability.RequestDefaults;
import cc.chitty.connect.hub.capability.RequestParameters;
import cc.chitty.connect.hub.support.NoCanonicalFields;
import cc.chitty.connect.hub.support.RouteFiles;
import cc.chitty.connect.hub.upstream.InvalidParameterException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GitHub's API as the automations call it (routes/github.camel.yaml), two capabilities alone with the github
 * connector skipped: the repository's halves and the page in the path and query, the call's own credential passed
 * to the connector, and a repository name that would leave the path refused before any call.
 */
class GitHubCapabilitiesTest {

    private static final Map<String, String> TOKEN = Map.of("Authorization", "Bearer ghs_installation");

    private final DefaultCamelContext context = new DefaultCamelContext();
    private ProducerTemplate client;
    private MockEndpoint github;

    @BeforeEach
    void loadTheCapabilitiesAlone() throws Exception {
        context.getRegistry().bind("requestParameters", new RequestParameters());
        context.getRegistry().bind("requestDefaults", new RequestDefaults(new ObjectMapper(), new RouteResources(RouteFiles.LOCATION)));
        context.getRegistry().bind("canonicalValues", new NoCanonicalFields());
        RouteFiles.load(context, List.of("capability-templates.camel.yaml", "github.camel.yaml"),
                "github.pulls.files", "github.comments.update");
        for (String route : List.of("github.pulls.files", "github.comments.update")) {
            AdviceWith.adviceWith(context, route, advice -> advice.mockEndpointsAndSkip("direct:upstream.github"));
        }
        context.start();
        client = context.createProducerTemplate();
        github = context.getEndpoint("mock:direct:upstream.github", MockEndpoint.class);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aPageOfAPullRequestsFilesIsReadWithTheInstallationsToken() throws Exception {
        github.expectedMessageCount(1);
        github.expectedPropertyReceived("upstreamMethod", "GET");
        github.expectedPropertyReceived("upstreamPath", "/repos/chittyos/hub/pulls/7/files");
        github.expectedPropertyReceived("upstreamQuery", "per_page=100&page=2");
        github.expectedPropertyReceived("upstreamHeaders", TOKEN);
        github.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody("[]"));

        String answer = client.send("direct:github.pulls.files", exchange -> {
            exchange.setProperty("upstreamHeaders", TOKEN);
            exchange.getMessage().setHeaders(new HashMap<>(Map.of("owner", "chittyos", "repo", "hub", "number", 7,
                    "page", 2)));
        }).getMessage().getBody(String.class);

        assertThat(answer).isEqualTo("[]");
        github.assertIsSatisfied();
    }

    @Test
    void aCommentIsReplacedWithAPatch() throws Exception {
        github.expectedMessageCount(1);
        github.expectedPropertyReceived("upstreamMethod", "PATCH");
        github.expectedPropertyReceived("upstreamPath", "/repos/chittyos/hub/issues/comments/99");

        client.send("direct:github.comments.update", exchange -> {
            exchange.getMessage().setHeaders(new HashMap<>(Map.of("owner", "chittyos", "repo", "hub",
                    "commentId", 99L, Exchange.CONTENT_TYPE, "application/json")));
            exchange.getMessage().setBody("{\"body\":\"summary\"}");
        });

        github.assertIsSatisfied();
    }

    @Test
    void aRepositoryNameThatLeavesThePathNeverReachesGitHub() throws Exception {
        github.expectedMessageCount(0);

        assertThatThrownBy(() -> client.requestBodyAndHeaders("direct:github.pulls.files", null,
                Map.of("owner", "chittyos", "repo", "..", "number", 7)))
                .hasCauseInstanceOf(InvalidParameterException.class);
        github.assertIsSatisfied();
    }
}
