package cc.chitty.connect.hub.github.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    // GitHub's published test vector ("Validating webhook deliveries")
    private static final String GITHUB_VECTOR =
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void githubsPublishedTestVectorMatches() {
        assertThat(matches(new WebhookSignature("It's a Secret to Everybody"), GITHUB_VECTOR, HELLO)).isTrue();
    }

    @Test
    void theSignatureCoversTheExactBytes() {
        WebhookSignature signature = new WebhookSignature("It's a Secret to Everybody");
        assertThat(matches(signature, GITHUB_VECTOR, "Hello, World! ".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(matches(signature, GITHUB_VECTOR.toUpperCase().replace("SHA256=", "sha256="), HELLO)).isFalse();
    }

    @Test
    void thePreviousSecretIsAcceptedDuringARotation() {
        WebhookSignature rotating = new WebhookSignature("new secret", "It's a Secret to Everybody");
        assertThat(matches(rotating, GITHUB_VECTOR, HELLO)).isTrue();
        assertThat(matches(new WebhookSignature("new secret"), GITHUB_VECTOR, HELLO)).isFalse();
    }

    @Test
    void aMissingPrefixOrSecretNeverMatches() {
        assertThat(matches(new WebhookSignature("It's a Secret to Everybody"), GITHUB_VECTOR.substring(7), HELLO))
                .isFalse();
        assertThat(matches(new WebhookSignature("It's a Secret to Everybody"), null, HELLO)).isFalse();
        WebhookSignature unconfigured = new WebhookSignature("", null);
        assertThat(unconfigured.configured()).isFalse();
        byte[] signedWithOther = WebhookSignature.sign("x".getBytes(StandardCharsets.UTF_8), HELLO);
        assertThat(matches(unconfigured, "sha256=" + new String(signedWithOther, StandardCharsets.US_ASCII), HELLO))
                .isFalse();
    }

    private static boolean matches(WebhookSignature signature, String header, byte[] body) {
        try {
            return signature.matches(header, new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
