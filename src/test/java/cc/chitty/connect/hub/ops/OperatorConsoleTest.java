package cc.chitty.connect.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;

/** Hawtio and Jolokia: open to the operator login only. */
class OperatorConsoleTest extends HubIntegrationTest {

    @Test
    void hawtioIsNeverOpenToAnonymousUsers() {
        HttpResponse<String> anonymous = send(request("/actuator/hawtio/").GET().build());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Basic"));
        HttpResponse<String> operator = asOperator(request("/actuator/hawtio/").GET());
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).containsIgnoringCase("hawtio");
    }

    @Test
    void jolokiaIsClosedToAnonymousUsersAndShowsTheCamelRoutesToOperators() {
        String read = "/actuator/jolokia/search/org.apache.camel:type=routes,*";

        assertThat(send(request(read).GET().build()).statusCode()).isEqualTo(401);
        HttpResponse<String> anonymousPost = send(request("/actuator/jolokia").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"version\"}")).build());
        assertThat(anonymousPost.statusCode()).isIn(401, 403);
        assertThat(anonymousPost.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // Jolokia's strict origin check wants the console's own origin, from a script too
        HttpResponse<String> routes = asOperator(request(read).header("Origin", "http://127.0.0.1:" + port).GET());
        assertThat(routes.statusCode()).isEqualTo(200);
        assertThat(routes.body()).contains("chittyid.mint").contains("upstream.chittyid");
    }
}
