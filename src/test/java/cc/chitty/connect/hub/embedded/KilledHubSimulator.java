package cc.chitty.connect.hub.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Run in a child JVM by {@link EmbeddedPostgresServerTest}: starts the embedded PostgreSQL on the given data
 * directory, commits one row, says READY and waits to be killed with -9, as a crashed hub would be.
 */
public final class KilledHubSimulator {

    private KilledHubSimulator() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        new DataDirectoryLock(dataDir);
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir.resolve("postgres"), 0);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
            c.createStatement().execute("CREATE TABLE survivor (v TEXT)");
            c.createStatement().execute("INSERT INTO survivor VALUES ('acknowledged')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
