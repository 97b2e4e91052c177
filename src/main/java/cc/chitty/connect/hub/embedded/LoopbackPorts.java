package cc.chitty.connect.hub.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for the embedded servers, whose numbers are fixed before the servers bind them (the Kafka
 * address is baked into configuration long before the broker starts). A port is drawn from below the kernel's
 * ephemeral range and checked free: a port the kernel hands out itself can be handed again, as the local port of
 * any outgoing connection, in the seconds before the server binds it, and then the server cannot start (a CI run
 * lost its broker to "Address already in use" on the controller port). Below that range only a process that
 * binds that very number can take it first.
 */
final class LoopbackPorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    // the ports people configure sit below it: services' own (5432, 8080, 9092), the benchmarks' (18xxx)
    private static final int LOWEST = 20_000;
    private static final int DRAWS = 100;

    private LoopbackPorts() {
    }

    static int free() {
        return free(LOWEST, ephemeralStart());
    }

    /** A free port in [from, to), or one the kernel chooses when none of the draws there was free. */
    static int free(int from, int to) {
        for (int draw = 0; to > from && draw < DRAWS; draw++) {
            int port = ThreadLocalRandom.current().nextInt(from, to);
            if (bindable(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** The first port the kernel may give an outgoing connection (Linux's setting, else the IANA range's start). */
    static int ephemeralStart() {
        try {
            // line by line: Files.readString stops after the first byte of this procfs file (JDK 17)
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
