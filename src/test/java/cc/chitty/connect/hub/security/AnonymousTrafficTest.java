package cc.chitty.connect.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HexFormat;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * What an anonymous client can cost the hub: 401s and failed operator logins are budgeted per address (as a trusted
 * proxy names it; IPv6 per /64), and a spent budget is answered 429 before any key lookup or password hash.
 */
class AnonymousTrafficTest extends HubIntegrationTest {

    private static final int UNAUTHENTICATED_BUDGET = 30;
    private static final int LOGIN_BUDGET = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void randomWellFormedKeysFromOneAddressAre429OnceItsBudgetOf401sIsSpent() {
        String attacker = "198.51.100.61";
        for (int i = 0; i < UNAUTHENTICATED_BUDGET; i++) {
            assertThat(withRandomKey(attacker).statusCode()).as("guess %d", i + 1).isEqualTo(401);
        }

        HttpResponse<String> spent = withRandomKey(attacker);
        assertThat(spent.statusCode()).isEqualTo(429);
        assertThat(spent.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Long.parseLong(spent.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(spent.headers().firstValue("RateLimit-Policy").orElseThrow()).startsWith("\"unauthenticated\"");
        assertThat(send(request("/api/registry/services").header("X-Forwarded-For", attacker).GET().build())
                .statusCode()).as("no key at all").isEqualTo(429);
        assertThat(withRandomKey("198.51.100.62").statusCode()).as("another address").isEqualTo(401);
    }

    @Test
    void ipv6ClientsOfOneSlash64ShareOneBudgetOf401s() {
        for (int i = 0; i < UNAUTHENTICATED_BUDGET; i++) {
            String address = "2001:db8:61:1::" + Integer.toHexString(i + 1);
            assertThat(withRandomKey(address).statusCode()).as("guess %d", i + 1).isEqualTo(401);
        }

        assertThat(withRandomKey("2001:db8:61:1:ffff:ffff:ffff:fffe").statusCode()).isEqualTo(429);
        assertThat(withRandomKey("2001:db8:61:2::1").statusCode()).as("another /64").isEqualTo(401);
    }

    @Test
    void failedOperatorLoginsFromOneAddressAreThrottledBeforeThePasswordIsChecked() {
        String guesser = "198.51.100.71";
        for (int i = 0; i < LOGIN_BUDGET; i++) {
            assertThat(login(guesser, "guess-" + i).statusCode()).as("guess %d", i + 1).isEqualTo(401);
        }

        // even the right password is not checked now: the answer does not depend on it
        HttpResponse<String> spent = login(guesser, OPERATOR_PASSWORD);
        assertThat(spent.statusCode()).isEqualTo(429);
        assertThat(spent.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Long.parseLong(spent.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(login("198.51.100.72", OPERATOR_PASSWORD).statusCode()).as("another address").isEqualTo(200);
    }

    private HttpResponse<String> withRandomKey(String address) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return send(request("/api/registry/services").header("X-Forwarded-For", address)
                .header("X-ChittyOS-API-Key", "chitty_" + HexFormat.of().formatHex(secret)).GET().build());
    }

    private HttpResponse<String> login(String address, String password) {
        return send(request("/admin/api-keys").header("X-Forwarded-For", address)
                .header("Authorization", basic(OPERATOR, password)).GET().build());
    }
}
