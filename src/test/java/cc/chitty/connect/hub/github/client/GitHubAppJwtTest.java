package cc.chitty.connect.hub.github.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import cc.chitty.connect.hub.support.TestGitHubApp;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

class GitHubAppJwtTest {

    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    @Test
    void theAppJwtIsRs256IssuedByTheAppAndExpiresWithinTenMinutes() throws Exception {
        GitHubAppJwt jwt = new GitHubAppJwt("424242", TestGitHubApp.privateKeyPem(), Clock.fixed(NOW, ZoneOffset.UTC));

        String authorization = jwt.authorization();

        assertThat(authorization).startsWith("Bearer ");
        SignedJWT parsed = SignedJWT.parse(authorization.substring("Bearer ".length()));
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(parsed.verify(new RSASSAVerifier(TestGitHubApp.publicKey()))).isTrue();
        assertThat(parsed.getJWTClaimsSet().getIssuer()).isEqualTo("424242");
        assertThat(parsed.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(NOW.minusSeconds(60));
        assertThat(Duration.between(NOW, parsed.getJWTClaimsSet().getExpirationTime().toInstant()))
                .isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aMissingOrUnusableKeyIsAClearErrorThatNeverShowsTheKey() {
        assertThatThrownBy(() -> new GitHubAppJwt("1", "", Clock.systemUTC()).authorization())
                .hasMessageContaining("GITHUB_APP_PK");
        String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIEsecretmaterial\n-----END RSA PRIVATE KEY-----";
        assertThatThrownBy(() -> new GitHubAppJwt("1", pkcs1, Clock.systemUTC()))
                .hasMessageContaining("PKCS#1").hasMessageNotContaining("secretmaterial");
        String notAKey = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----";
        assertThatThrownBy(() -> new GitHubAppJwt("1", notAKey, Clock.systemUTC()))
                .hasMessageNotContaining("bm90IGEga2V5");
    }
}
