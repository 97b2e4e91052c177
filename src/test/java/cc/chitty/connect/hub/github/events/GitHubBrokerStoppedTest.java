package cc.chitty.connect.hub.github.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import cc.chitty.connect.hub.embedded.EmbeddedKafkaOutage;
import cc.chitty.connect.hub.github.GitHubTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A broker that was working stops, then comes back: intake and replay while it is away. The property below (the test profile's own value) gives this
 * class a context and so an embedded broker of its own, closed afterwards: the shared context's broker keeps
 * running for every other test.
 */
// spring.jmx.enabled=false: the shared context, still open, holds the hub's Spring-exported MBean names
@TestPropertySource(properties = {"hub.embedded.kafka.port=0", "spring.jmx.enabled=false"})
@DirtiesContext
class GitHubBrokerStoppedTest extends GitHubTestSupport {

    @Autowired
    private ConfigurableApplicationContext context;

    @Test
    void aDeliveryIsAnswered503WhileTheBrokerIsStoppedAndAcceptedOnceItIsBack() {
        String before = newDeliveryId();
        assertThat(deliver(before, "ping", ping()).statusCode()).isEqualTo(202);
        assertThat(readBack(before).key()).isEqualTo("delivery:" + before);

        EmbeddedKafkaOutage.stop(context);

        // send() fails the test if no answer comes back within the request's own timeout
        String during = newDeliveryId();
        HttpResponse<String> refused = deliver(during, "ping", ping());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(parse(refused.body()).get("type").asText()).endsWith("/queue-unavailable");

        EmbeddedKafkaOutage.restart(context);

        // as GitHub would after a failure: the same delivery again, until the producer has reconnected
        eventually().until(() -> deliver(during, "ping", ping()).statusCode() == 202);
        assertThat(readBack(during).key()).isEqualTo("delivery:" + during);
    }

    @Test
    void aReplayThatFailsBecauseTheBrokerIsStoppedIsAuditedAsAFailure() {
        EmbeddedKafkaOutage.stop(context);
        try {
            HttpResponse<String> response = asOperator(request("/admin/github/dead-letters/replay")
                    .POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(response.statusCode()).as(response.body()).isGreaterThanOrEqualTo(500);
            assertThat(jdbc().sql("""
                    SELECT outcome FROM audit_log WHERE operation = 'github.dead-letter.replay' AND target = 'all'
                    AND actor = :actor""").param("actor", "operator:" + OPERATOR).query(String.class).list())
                    .containsExactly("failure");
        } finally {
            EmbeddedKafkaOutage.restart(context);
        }
    }

    private static String ping() {
        return json(Map.of("zen", "Design for failure.", "hook_id", 1));
    }
}
