package cc.chitty.connect.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.TestRoutes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Route files on disk are picked up while the hub runs, without a restart. */
class RouteReloadTest extends HubIntegrationTest {

    private final Path file = TestRoutes.dir().resolve("reload-probe.camel.yaml");

    @AfterEach
    void removeProbe() throws IOException {
        Files.deleteIfExists(file);
    }

    @Test
    void anEditedRouteFileChangesBehaviourWithoutARestart() throws IOException {
        String key = newKey();
        write("first answer");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(probe(key)).isEqualTo("first answer"));

        write("second answer");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(probe(key)).isEqualTo("second answer"));
        assertThat(postJson("/api/chittyid/mint", key, "{\"entity\":\"PEO\"}").statusCode()).isEqualTo(201);
    }

    private String probe(String key) {
        var response = send(request("/api/reload-probe").header("X-ChittyOS-API-Key", key).GET().build());
        return response.statusCode() == 200 ? response.body() : "HTTP " + response.statusCode();
    }

    private void write(String answer) throws IOException {
        Path temp = Files.createTempFile(TestRoutes.dir().getParent(), "probe", ".tmp");
        Files.writeString(temp, """
                - rest:
                    id: reload-probe-api
                    path: /api/reload-probe
                    get:
                      - id: reloadProbe
                        routeId: rest.reload-probe
                        to: direct:reload.probe
                - route:
                    id: reload.probe
                    from:
                      uri: direct:reload.probe
                      steps:
                        - setBody:
                            constant: "%s"
                """.formatted(answer));
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
