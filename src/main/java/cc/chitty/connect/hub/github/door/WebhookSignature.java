package cc.chitty.connect.hub.github.door;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Hex;

/**
 * GitHub's {@code X-Hub-Signature-256}: {@code sha256=} and the lowercase hex HMAC-SHA256 of the raw body, checked
 * in constant time against the current secret and, during a rotation, the previous one. Empty secrets never match.
 * The body is read as a stream, once, whatever its size.
 */
final class WebhookSignature {

    private static final String PREFIX = "sha256=";
    private static final Pattern WELL_FORMED = Pattern.compile("sha256=[0-9a-f]{64}");

    // each secret as an initialised Mac, cloned per delivery: Mac.getInstance looks the provider up every time
    private final List<Mac> secrets;

    WebhookSignature(String... secrets) {
        this.secrets = Arrays.stream(secrets).filter(s -> s != null && !s.isEmpty())
                .map(s -> mac(s.getBytes(StandardCharsets.UTF_8))).toList();
    }

    boolean configured() {
        return !secrets.isEmpty();
    }

    /** Whether a delivery with this header could match at all: a secret is configured and the header has the form. */
    boolean couldMatch(String header) {
        return configured() && header != null && WELL_FORMED.matcher(header).matches();
    }

    boolean matches(String header, InputStream body) throws IOException {
        if (!couldMatch(header)) {
            return false;
        }
        List<Mac> macs = secrets.stream().map(WebhookSignature::copy).toList();
        byte[] buffer = new byte[8192];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            for (Mac mac : macs) {
                mac.update(buffer, 0, n);
            }
        }
        byte[] presented = header.substring(PREFIX.length()).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        // every secret is tried, so the time taken does not tell which one matched
        for (Mac mac : macs) {
            matched |= MessageDigest.isEqual(presented, hex(mac.doFinal()));
        }
        return matched;
    }

    static byte[] sign(byte[] secret, byte[] body) {
        return hex(mac(secret).doFinal(body));
    }

    private static Mac mac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Mac copy(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
        }
    }

    private static byte[] hex(byte[] digest) {
        return Hex.encodeHexString(digest).getBytes(StandardCharsets.US_ASCII);
    }
}
