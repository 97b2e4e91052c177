package cc.chitty.connect.hub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL keeps committed data and recovers from a server that a killed hub left behind. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void afterAHubIsKilledTheNextStartReplacesItsServerAndKeepsItsData() throws Exception {
        Process hub = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledHubSimulator.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(hub.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("READY")) {
                // the child's start-up log
            }
            assertThat(line).as("child hub reached READY").isEqualTo("READY");
        }
        hub.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(Path.of(dataDir.toString(), "postgres", "postmaster.pid")).exists();

        try (DataDirectoryLock lock = new DataDirectoryLock(dataDir);
             EmbeddedPostgresServer restarted = new EmbeddedPostgresServer(dataDir.resolve("postgres"), 0);
             Connection c = DriverManager.getConnection(restarted.jdbcUrl(), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT v FROM survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("acknowledged");
        }
    }

    @Test
    void aSecondHubOnTheSameDataDirectoryIsRefused() throws Exception {
        try (DataDirectoryLock held = new DataDirectoryLock(dataDir)) {
            assertThatThrownBy(() -> new DataDirectoryLock(dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another hub is running");
        }
        new DataDirectoryLock(dataDir).close();
    }
}
