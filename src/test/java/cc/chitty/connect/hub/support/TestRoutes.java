package cc.chitty.connect.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A private copy of {@code routes/} (route files, schemas, upstream files) for the test JVM: the hub loads and
 * watches it as it does the real folder, and tests may edit it without touching the checked-in routes.
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
            Path routes = Path.of("routes");
            try (Stream<Path> files = Files.walk(routes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path copy = dir.resolve(routes.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
