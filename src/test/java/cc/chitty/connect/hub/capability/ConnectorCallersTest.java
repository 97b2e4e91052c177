package cc.chitty.connect.hub.capability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Only the connector itself and capability routes name a connector ({@code direct:upstream.<service>}): Java code
 * that needs an upstream calls a capability through {@link CapabilityCaller}, so the capability's schema check,
 * canonical values and audit always apply. A capability route written in Java says so by running under the
 * capability route configuration and never sends through a ProducerTemplate.
 */
class ConnectorCallersTest {

    private static final Path SOURCES = Path.of("src/main/java/cc/chitty/connect/hub");

    @Test
    void onlyTheConnectorAndCapabilityRoutesNameAConnector() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(SOURCES.resolve("upstream")))
                    .filter(file -> read(file).contains("\"direct:upstream."))
                    .filter(file -> !isCapabilityRoute(read(file)))
                    .map(file -> SOURCES.relativize(file).toString()).sorted().toList();
        }
        assertThat(offenders).as("classes that call a connector instead of a capability").isEmpty();
    }

    @Test
    void javaReachesCapabilitiesThroughTheCapabilityCallerOnly() throws IOException {
        List<String> senders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            senders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.endsWith("capability/CapabilityCaller.java"))
                    .filter(file -> read(file).matches("(?s).*\\.send\\(\"direct:(?!upstream\\.).*"))
                    .map(file -> SOURCES.relativize(file).toString()).sorted().toList();
        }
        assertThat(senders).as("classes sending to a capability without CapabilityCaller").isEmpty();
    }

    private static boolean isCapabilityRoute(String source) {
        return source.contains("extends RouteBuilder")
                && source.contains(".routeConfigurationId(CapabilityRouteConfiguration.ID)")
                && !source.contains("ProducerTemplate");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
