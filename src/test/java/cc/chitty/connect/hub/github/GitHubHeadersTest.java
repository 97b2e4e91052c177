package cc.chitty.connect.hub.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The intake refuses malformed GitHub headers, never a value GitHub documents. */
class GitHubHeadersTest {

    static Stream<String> documentedEvents() throws IOException {
        try (InputStream list = GitHubHeadersTest.class.getResourceAsStream("/github/webhook-events.txt")) {
            return new String(list.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("documentedEvents")
    void everyDocumentedEventNameIsAccepted(String event) {
        assertThat(GitHubHeaders.isEventName(event)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Push", "push event", "push\r\nX-Injected: 1", "_push", "9push", "push;drop",
            "../push", "pushpushpushpushpushpushpushpushpushpushpushpushpushpushpushpushp"})
    void aMalformedEventNameIsRefused(String event) {
        assertThat(GitHubHeaders.isEventName(event)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"72d3162e-cc78-11e3-81ab-4c9367dc0958", "0d9e8c2a-1f3b-4c5d-9e7f-a1b2c3d4e5f6",
            "72D3162E-CC78-11E3-81AB-4C9367DC0958"})
    void gitHubsDeliveryGuidsAreAccepted(String id) {
        assertThat(GitHubHeaders.isDeliveryId(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "72d3162e cc78", "72d3162e-cc78-11e3-81ab-4c9367dc0958\n", "'; DROP TABLE x;--",
            "../../etc/passwd"})
    void aMalformedDeliveryIdIsRefused(String id) {
        assertThat(GitHubHeaders.isDeliveryId(id)).isFalse();
    }
}
