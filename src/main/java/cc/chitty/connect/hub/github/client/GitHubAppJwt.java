package cc.chitty.connect.hub.github.client;

import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import cc.chitty.connect.hub.github.GitHubProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The App's own credential: an RS256 JWT issued by the app id, dated 60 s in the past against clock drift and
 * valid for 9 minutes (GitHub refuses more than 10), signed with the App's PKCS#8 private key.
 */
@Component
public class GitHubAppJwt {

    static final Duration BACKDATE = Duration.ofSeconds(60);
    static final Duration LIFETIME = Duration.ofMinutes(9);

    private final String appId;
    private final RSAPrivateKey key;
    private final Clock clock;

    @Autowired
    GitHubAppJwt(GitHubProperties properties) {
        this(properties.appId(), properties.privateKey(), Clock.systemUTC());
    }

    GitHubAppJwt(String appId, String privateKeyPem, Clock clock) {
        this.appId = appId;
        this.key = privateKeyPem.isBlank() ? null : parse(privateKeyPem);
        this.clock = clock;
    }

    /** {@code Bearer <jwt>}; fails when the App's id or key is not configured. */
    public String authorization() {
        if (key == null || appId.isBlank()) {
            throw new IllegalStateException("the GitHub App is not configured (GITHUB_APP_ID, GITHUB_APP_PK)");
        }
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(appId)
                .issueTime(Date.from(now.minus(BACKDATE)))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign the GitHub App JWT", e);
        }
        return "Bearer " + jwt.serialize();
    }

    private static RSAPrivateKey parse(String pem) {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalStateException("GITHUB_APP_PK is a PKCS#1 key; convert it with "
                    + "openssl pkcs8 -topk8 -nocrypt -in key.pem");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            // the key itself must not appear in the message
            throw new IllegalStateException("GITHUB_APP_PK is not a PKCS#8 PEM RSA private key");
        }
    }
}
