package cc.chitty.connect.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A private copy of {@code routes/} for the test JVM: the hub loads and watches it as it does the real folder,
 * and tests may edit it without touching the checked-in routes.
 */
public final class TestRoutes {

    private static final Path DIR = copyOfRoutes();

    private TestRoutes() {
    }

    public static Path dir() {
        return DIR;
    }

    private static Path copyOfRoutes() {
        try {
            Path dir = Files.createDirectories(Path.of("target/test-routes", UUID.randomUUID().toString()))
                    .toAbsolutePath();
            try (Stream<Path> files = Files.list(Path.of("routes"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
