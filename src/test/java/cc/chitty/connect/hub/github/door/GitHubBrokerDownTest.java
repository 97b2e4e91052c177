package cc.chitty.connect.hub.github.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import cc.chitty.connect.hub.github.GitHubHeaders;
import cc.chitty.connect.hub.github.GitHubTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The broker is gone (nothing listens where the hub expects Kafka). A context of its own, closed afterwards:
 * stopping the shared context's broker would break every other test.
 */
// spring.jmx.enabled=false: the shared context, still open, holds the hub's Spring-exported MBean names
@TestPropertySource(properties = {"hub.kafka.bootstrap-servers=127.0.0.1:9", "hub.github.topic-setup-timeout=200ms",
        "spring.jmx.enabled=false"})
@DirtiesContext
class GitHubBrokerDownTest extends GitHubTestSupport {

    @Test
    void aDeliveryTheBrokerDoesNotAcknowledgeIs503WithinGitHubsTenSeconds() {
        byte[] payload = "{\"zen\":\"Design for failure.\"}".getBytes(StandardCharsets.UTF_8);

        // GitHub waits 10 s: an answer any later would be a timeout, not a 503
        HttpResponse<String> response = send(request("/integrations/github/webhook").timeout(Duration.ofSeconds(10))
                .header(GitHubHeaders.DELIVERY, newDeliveryId()).header(GitHubHeaders.EVENT, "ping")
                .header(GitHubHeaders.SIGNATURE, signature(payload, SECRET))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(parse(response.body()).get("type").asText()).endsWith("/queue-unavailable");
    }
}
