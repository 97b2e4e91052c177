package cc.chitty.connect.hub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/**
 * The embedded servers' ports are free when chosen and outside the range the kernel gives outgoing connections,
 * so no connection made while the hub starts can take one before its server binds it.
 */
class LoopbackPortsTest {

    @Test
    void aChosenPortIsBelowTheEphemeralRangeAndFree() throws IOException {
        int port = LoopbackPorts.free();

        assertThat(port).isBetween(20_000, LoopbackPorts.ephemeralStart() - 1);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(server.isBound()).isTrue();
        }
    }

    @Test
    void aPortSomeoneListensOnIsNeverChosen() throws IOException {
        try (ServerSocket taken = new ServerSocket(LoopbackPorts.free(), 1, InetAddress.getLoopbackAddress())) {
            int only = taken.getLocalPort();

            assertThat(LoopbackPorts.free(only, only + 1)).isNotEqualTo(only).isPositive();
        }
    }
}
