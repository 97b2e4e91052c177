package cc.chitty.connect.hub.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    // GitHub's published test vector ("Validating webhook deliveries")
    private static final String GITHUB_VECTOR =
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void githubsPublishedTestVectorMatches() {
        assertThat(new WebhookSignature("It's a Secret to Everybody").matches(GITHUB_VECTOR, HELLO)).isTrue();
    }

    @Test
    void theSignatureCoversTheExactBytes() {
        WebhookSignature signature = new WebhookSignature("It's a Secret to Everybody");
        assertThat(signature.matches(GITHUB_VECTOR, "Hello, World! ".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(signature.matches(GITHUB_VECTOR.toUpperCase().replace("SHA256=", "sha256="), HELLO)).isFalse();
    }

    @Test
    void thePreviousSecretIsAcceptedDuringARotation() {
        WebhookSignature rotating = new WebhookSignature("new secret", "It's a Secret to Everybody");
        assertThat(rotating.matches(GITHUB_VECTOR, HELLO)).isTrue();
        assertThat(new WebhookSignature("new secret").matches(GITHUB_VECTOR, HELLO)).isFalse();
    }

    @Test
    void aMissingPrefixOrSecretNeverMatches() {
        assertThat(new WebhookSignature("It's a Secret to Everybody").matches(GITHUB_VECTOR.substring(7), HELLO))
                .isFalse();
        assertThat(new WebhookSignature("It's a Secret to Everybody").matches(null, HELLO)).isFalse();
        WebhookSignature unconfigured = new WebhookSignature("", null);
        assertThat(unconfigured.configured()).isFalse();
        byte[] signedWithOther = WebhookSignature.sign("x".getBytes(StandardCharsets.UTF_8), HELLO);
        assertThat(unconfigured.matches("sha256=" + new String(signedWithOther, StandardCharsets.US_ASCII), HELLO))
                .isFalse();
    }
}
