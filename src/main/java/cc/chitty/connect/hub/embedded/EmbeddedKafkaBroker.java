package cc.chitty.connect.hub.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A single-node KRaft broker (combined broker and controller) in the hub's JVM. It starts on a background thread
 * as soon as the bean exists, so it boots while PostgreSQL and Spring do; {@link #start()} waits for it, which
 * keeps Camel (started after all lifecycle beans) from running routes before the broker answers. Records and
 * committed offsets live in the data directory and survive restarts. Its client listener is PLAINTEXT, or
 * SASL_PLAINTEXT with one PLAIN user when {@link PlainUser} is given (what {@code hub.kafka} asks of its clients).
 */
public final class EmbeddedKafkaBroker implements SmartLifecycle, AutoCloseable {

    /** Before the web server and Camel start, after both have stopped. */
    public static final int PHASE = Integer.MIN_VALUE + 1000;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /** The one user a SASL/PLAIN listener accepts. */
    record PlainUser(String username, String password) {

        @Override
        public String toString() {
            return "PlainUser[" + username + "]";
        }
    }

    private final Path logDir;
    private final int port;
    private final CompletableFuture<KafkaRaftServer> server;
    private final AtomicBoolean shutDown = new AtomicBoolean();
    private volatile boolean running;

    /** {@code sasl}: null for a PLAINTEXT listener. */
    EmbeddedKafkaBroker(Path logDir, int port, int controllerPort, PlainUser sasl) {
        this.logDir = logDir;
        this.port = port;
        // Kafka ends the JVM on fatal errors; the hub must outlive its broker and report it unhealthy instead
        Exit.setExitProcedure((code, message) -> log.error("embedded Kafka asked to exit ({}): {}", code, message));
        Exit.setHaltProcedure((code, message) -> log.error("embedded Kafka asked to halt ({}): {}", code, message));
        this.server = CompletableFuture.supplyAsync(() -> boot(brokerConfig(logDir, port, controllerPort, sasl)),
                runnable -> new Thread(runnable, "embedded-kafka-start").start());
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void start() {
        try {
            server.get(60, TimeUnit.SECONDS);
            running = true;
            log.info("embedded Kafka ready on {} with data in {}", bootstrapServers(), logDir);
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka broker did not start", e);
        }
    }

    @Override
    public void stop() {
        if (running) {
            shutdown();
        }
    }

    /**
     * Also stops a broker whose context failed before {@link #start()} was reached, booted or still booting: its
     * non-daemon threads would otherwise keep a hub that failed to start alive.
     */
    @Override
    public void close() {
        shutdown();
    }

    private void shutdown() {
        running = false;
        if (!shutDown.compareAndSet(false, true)) {
            return;
        }
        server.thenAccept(s -> {
            s.shutdown();
            s.awaitShutdown();
        }).exceptionally(e -> null).join();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private static KafkaRaftServer boot(Properties props) {
        KafkaConfig config = new KafkaConfig(props, false);
        Path dir = Path.of(props.getProperty("log.dirs"));
        if (!Files.exists(dir.resolve("meta.properties"))) {
            format(config, dir);
        }
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        raftServer.startup();
        return raftServer;
    }

    private static void format(KafkaConfig config, Path dir) {
        try {
            Files.createDirectories(dir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dir.toString()))
                    .setMetadataLogDirectory(dir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format the Kafka log directory " + dir, e);
        }
    }

    private static Properties brokerConfig(Path logDir, int port, int controllerPort, PlainUser sasl) {
        Properties p = new Properties();
        String listener = sasl == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("listeners", listener + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", listener + "://127.0.0.1:" + port);
        p.put("inter.broker.listener.name", listener);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:PLAINTEXT");
        if (sasl != null) {
            p.put("sasl.enabled.mechanisms", "PLAIN");
            p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
            // the broker logs in as the one user it accepts (user_<name>), for its own inter-broker connection
            p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + sasl.username()
                            + "\" password=\"" + sasl.password() + "\" user_" + sasl.username() + "=\""
                            + sasl.password() + "\";");
        }
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // a restart after kill -9 waits for the old registration to expire: keep that short
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "1000");
        // the log cleaner's default 128 MiB dedupe buffer dominates the heap of a one-node broker
        p.put("log.cleaner.dedupe.buffer.size", "8388608");
        return p;
    }
}
