package cc.chitty.connect.hub.github.door;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's {@code X-Hub-Signature-256}: {@code sha256=} and the lowercase hex HMAC-SHA256 of the raw body, checked
 * in constant time against the current secret and, during a rotation, the previous one. Empty secrets never match.
 * The body is fed to a {@link Check} as it is read, once, whatever its size.
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

    /** A check of one body against {@code header}, which must be one that {@link #couldMatch(String)}. */
    Check check(String header) {
        Mac[] macs = new Mac[secrets.size()];
        for (int i = 0; i < macs.length; i++) {
            macs[i] = copy(secrets.get(i));
        }
        return new Check(HexFormat.of().parseHex(header, PREFIX.length(), header.length()), macs);
    }

    boolean matches(String header, InputStream body) throws IOException {
        if (!couldMatch(header)) {
            return false;
        }
        Check check = check(header);
        check.reading(body).transferTo(OutputStream.nullOutputStream());
        return check.matches();
    }

    static byte[] sign(byte[] secret, byte[] body) {
        return HexFormat.of().formatHex(mac(secret).doFinal(body)).getBytes(StandardCharsets.US_ASCII);
    }

    /** The HMACs of one body under every secret, fed as the body is read. */
    static final class Check {

        private final byte[] presented;
        private final Mac[] macs;

        private Check(byte[] presented, Mac[] macs) {
            this.presented = presented;
            this.macs = macs;
        }

        void update(byte[] bytes, int offset, int length) {
            for (Mac mac : macs) {
                mac.update(bytes, offset, length);
            }
        }

        /** A sink that feeds every byte written to it to this check. */
        OutputStream signing() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    update(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    update(bytes, offset, length);
                }
            };
        }

        /** {@code body} as read, every byte fed to this check on the way. */
        InputStream reading(InputStream body) {
            return new FilterInputStream(body) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        update(new byte[] {(byte) b}, 0, 1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    int n = super.read(bytes, offset, length);
                    if (n > 0) {
                        update(bytes, offset, n);
                    }
                    return n;
                }

                @Override
                public long skip(long n) throws IOException {
                    throw new IOException("a signed body is read whole");
                }
            };
        }

        boolean matches() {
            boolean matched = false;
            // every secret is tried, so the time taken does not tell which one matched
            for (Mac mac : macs) {
                matched |= MessageDigest.isEqual(presented, mac.doFinal());
            }
            return matched;
        }
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
}
