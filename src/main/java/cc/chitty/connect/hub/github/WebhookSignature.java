package cc.chitty.connect.hub.github;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Hex;

/**
 * GitHub's {@code X-Hub-Signature-256}: {@code sha256=} and the lowercase hex HMAC-SHA256 of the raw body, checked
 * in constant time against the current secret and, during a rotation, the previous one. Empty secrets never match.
 */
final class WebhookSignature {

    private static final String PREFIX = "sha256=";

    private final List<byte[]> secrets;

    WebhookSignature(String... secrets) {
        this.secrets = Arrays.stream(secrets).filter(s -> s != null && !s.isEmpty())
                .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    boolean configured() {
        return !secrets.isEmpty();
    }

    boolean matches(String header, byte[] body) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] presented = header.substring(PREFIX.length()).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        // every secret is tried, so the time taken does not tell which one matched
        for (byte[] secret : secrets) {
            matched |= MessageDigest.isEqual(presented, sign(secret, body));
        }
        return matched;
    }

    static byte[] sign(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Hex.encodeHexString(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
