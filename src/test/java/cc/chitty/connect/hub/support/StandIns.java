package cc.chitty.connect.hub.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * One WireMock server per upstream service, loaded from {@code src/test/resources/standins/<service>} (the same
 * folders docker/compose.yaml mounts), started once per test JVM and shared by every test.
 */
public final class StandIns {

    static final Path ROOT = Path.of("src/test/resources/standins");
    private static final Map<String, WireMockServer> SERVERS = startAll();

    private StandIns() {
    }

    public static WireMockServer of(String service) {
        WireMockServer server = SERVERS.get(service);
        if (server == null) {
            throw new IllegalArgumentException("no stand-in for " + service + " under " + ROOT);
        }
        return server;
    }

    static Map<String, WireMockServer> all() {
        return SERVERS;
    }

    /** Stops every stand-in: their web servers' threads would otherwise keep a JVM alive. */
    static void stopAll() {
        SERVERS.values().forEach(WireMockServer::stop);
    }

    /** Back to the checked-in mappings with an empty request journal. */
    public static void resetAll() {
        SERVERS.values().forEach(WireMockServer::resetToDefaultMappings);
        SERVERS.values().forEach(WireMockServer::resetRequests);
    }

    private static Map<String, WireMockServer> startAll() {
        Map<String, WireMockServer> servers = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            dirs.filter(Files::isDirectory).forEach(dir -> {
                WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                        .bindAddress("127.0.0.1")
                        .dynamicPort()
                        .usingFilesUnderDirectory(dir.toString()));
                server.start();
                servers.put(dir.getFileName().toString(), server);
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + ROOT, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.values().forEach(WireMockServer::stop)));
        return servers;
    }
}
