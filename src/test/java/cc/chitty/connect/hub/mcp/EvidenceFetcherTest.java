package cc.chitty.connect.hub.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import cc.chitty.connect.hub.capability.CapabilityFailure;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/**
 * The fetch's own guards, without a hub: the size cap on a file whose length the host does not declare (it fails
 * the read, never truncates), the addresses counted as non-public, and the deadline of the whole download.
 */
class EvidenceFetcherTest {

    private static InputStream capped(int size, long cap) {
        return new EvidenceFetcher.CappedStream(new ByteArrayInputStream(new byte[size]), cap);
    }

    @Test
    void aFileUpToTheCapIsReadWhole() throws IOException {
        try (InputStream file = capped(1024, 1024)) {
            assertThat(file.readAllBytes()).hasSize(1024);
        }
    }

    @Test
    void aFileOneByteOverTheCapFailsTheRead() {
        assertThatThrownBy(() -> capped(1025, 1024).readAllBytes()).isInstanceOf(IOException.class)
                .hasMessageContaining("larger than the configured limit of 1024 bytes");
        assertThatThrownBy(() -> {
            InputStream file = capped(1025, 1024);
            while (file.read() >= 0) {
                // byte by byte, the other read path
            }
        }).isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"198.18.0.1", "198.19.255.254", "240.0.0.1", "255.255.255.255", "100.64.0.1",
            "0.1.2.3", "10.1.2.3", "169.254.169.254", "fd00::1", "::1",
            // NAT64 (well-known and local-use prefixes) of 127.0.0.1 and 169.254.169.254
            "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::a9fe:a9fe",
            // 6to4 of 127.0.0.1 and of a public address: the relay, not the hub, decides where it goes
            "2002:7f00:1::1", "2002:5db8:d822::1",
            // IPv4-compatible, and Teredo
            "::127.0.0.1", "::a9fe:a9fe", "2001:0:4136:e378:8000:63bf:3fff:fdd2"})
    void aNonPublicOrGatewayAddressIsRefused(String literal) throws IOException {
        assertThat(EvidenceFetcher.isNonPublic(InetAddress.getByName(literal))).as(literal).isTrue();
    }

    @Test
    void anIpv4MappedAddressIsRefusedInEitherForm() throws IOException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169,
                (byte) 254};
        assertThat(EvidenceFetcher.isNonPublic(InetAddress.getByName("::ffff:169.254.169.254"))).isTrue();
        assertThat(EvidenceFetcher.isNonPublic(Inet6Address.getByAddress(null, mapped, -1))).isTrue();
        mapped[12] = 93; // ::ffff:93.254.169.254, a public IPv4 address, still refused in its IPv6 form
        assertThat(EvidenceFetcher.isNonPublic(Inet6Address.getByAddress(null, mapped, -1))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "198.17.255.255", "198.20.0.1", "223.255.255.254", "2606:4700::1111",
            "2001:4860:4860::8888"})
    void aPublicAddressIsFetched(String literal) throws IOException {
        assertThat(EvidenceFetcher.isNonPublic(InetAddress.getByName(literal))).as(literal).isFalse();
    }

    @Test
    void aHostThatTricklesIsCutOffAtTheDeadline() throws Exception {
        WireMockServer trickle = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .httpDisabled(true).dynamicHttpsPort()
                .keystorePath("src/test/resources/evidence-files/keystore.p12").keystoreType("PKCS12")
                .keystorePassword("changeit").keyManagerPassword("changeit"));
        trickle.start();
        // 30 bytes over 60 s: each byte well within the per-read timeout, the whole far past the deadline
        trickle.stubFor(get(urlPathEqualTo("/slow.pdf")).willReturn(aResponse()
                .withHeader("Content-Type", "application/pdf").withBody(new byte[30])
                .withChunkedDribbleDelay(30, 60_000)));
        EvidenceFetcher fetcher = new EvidenceFetcher(new McpProperties(null, null, null, null, new McpProperties.EvidenceFetch(
                List.of("127.0.0.1"), List.of("127.0.0.1/32"), DataSize.ofMegabytes(1), Duration.ofSeconds(30),
                Duration.ofSeconds(1), "src/test/resources/evidence-files/truststore.p12", "changeit")));
        List<EvidenceFetcher.Download> opened = new ArrayList<>();
        try {
            Throwable failure = catchThrowable(() -> {
                try (EvidenceFetcher.Download download = fetcher.open("https://127.0.0.1:" + trickle.httpsPort()
                        + "/slow.pdf")) {
                    opened.add(download);
                    download.content().readAllBytes();
                }
            });

            assertThat(failure).as("the download ended before its last byte").isNotNull();
            if (opened.isEmpty()) {
                assertThat(failure).isInstanceOf(CapabilityFailure.class).hasMessageContaining("not fetched within");
            } else {
                assertThat(failure).isInstanceOf(IOException.class);
                assertThat(opened.get(0).deadline().expired()).isTrue();
                assertThat(opened.get(0).deadline().failure().fault().errorClass().id()).isEqualTo("timeout");
            }
        } finally {
            fetcher.destroy();
            trickle.stop();
        }
    }
}
