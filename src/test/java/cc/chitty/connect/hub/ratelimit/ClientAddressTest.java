package cc.chitty.connect.hub.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    private final ClientAddress address = new ClientAddress(List.of("10.0.0.5"));

    @Test
    void aClientCannotChooseItsAddressWithoutATrustedProxy() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.10");
        request.addHeader("X-Forwarded-For", "203.0.113.9");

        assertThat(address.of(request)).isEqualTo("192.0.2.10");
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedHopIsTheClient() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.0.0.5");
        request.addHeader("X-Forwarded-For", "203.0.113.9, 198.51.100.4, 10.0.0.5");

        assertThat(address.of(request)).isEqualTo("198.51.100.4");
    }

    @Test
    void ipv6ClientsOfOneSlash64ShareABucketAndIpv4ClientsHaveOneEach() {
        assertThat(bucketOf("2001:db8:1:2::1")).isEqualTo(bucketOf("2001:db8:1:2:ffff:ffff:ffff:ffff"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(bucketOf("2001:db8:1:3::1")).isNotEqualTo(bucketOf("2001:db8:1:2::1"));
        assertThat(bucketOf("192.0.2.10")).isNotEqualTo(bucketOf("192.0.2.11"));
        assertThat(bucketOf("::ffff:192.0.2.10")).isEqualTo("192.0.2.10");
    }

    private String bucketOf(String peer) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        return address.bucketOf(request);
    }
}
