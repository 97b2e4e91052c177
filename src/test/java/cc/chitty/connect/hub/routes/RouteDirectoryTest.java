package cc.chitty.connect.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Where route files are read from, and whether they are watched, in every profile. */
class RouteDirectoryTest {

    @TempDir
    Path workingDirectory;

    @Test
    void aConfiguredDirectoryThatDoesNotExistStopsTheStartUp() {
        assertThatThrownBy(() -> RouteDirectory.resolve("/nowhere/routes", true, workingDirectory))
                .hasMessageContaining("HUB_ROUTES_DIR").hasMessageContaining("/nowhere/routes");
    }

    @Test
    void withoutAConfiguredDirectoryTheRoutesBesideTheWorkingDirectoryAreUsedAndWatched() throws IOException {
        Path routes = Files.createDirectory(workingDirectory.resolve("routes"));

        RouteDirectory dir = RouteDirectory.resolve("", true, workingDirectory);

        assertThat(dir.directory()).isEqualTo(routes);
        assertThat(dir.includePattern()).isEqualTo("file:" + routes + "/*.camel.yaml");
        assertThat(dir.reload()).isTrue();
    }

    @Test
    void withNoDirectoryAtAllTheJarsCopiesAreUsedAndNothingIsWatched() {
        RouteDirectory dir = RouteDirectory.resolve(null, true, workingDirectory);

        assertThat(dir.directory()).isNull();
        assertThat(dir.includePattern()).isEqualTo("classpath:routes/*.camel.yaml");
        assertThat(dir.reload()).isFalse();
    }

    @Test
    void theProdProfileReadsTheConfiguredDirectoryAndWatchesItOnlyWhenAsked() throws IOException {
        Path mounted = Files.createDirectory(workingDirectory.resolve("mounted"));

        assertThat(prodProperty("camel.main.routes-include-pattern", "--hub.routes.directory=" + mounted))
                .isEqualTo("file:" + mounted + "/*.camel.yaml");
        assertThat(prodProperty("camel.main.routes-reload-enabled", "--hub.routes.directory=" + mounted))
                .isEqualTo("false");
        assertThat(prodProperty("camel.main.routes-reload-enabled", "--hub.routes.directory=" + mounted,
                "--hub.routes.reload=true")).isEqualTo("true");
    }

    /** A property as the prod profile's environment derives it, with no bean of the hub started. */
    private static String prodProperty(String name, String... args) {
        // external addresses (never connected to here) and a password, so the prod profile starts no embedded server
        String[] all = Stream.concat(Stream.of("--hub.operator.password=x",
                "--hub.kafka.bootstrap-servers=127.0.0.1:1", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none"),
                Arrays.stream(args)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Object.class).profiles("prod")
                .web(WebApplicationType.NONE).run(all)) {
            return context.getBean(Environment.class).getProperty(name);
        }
    }
}
