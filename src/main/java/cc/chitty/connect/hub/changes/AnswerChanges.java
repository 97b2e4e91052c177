package cc.chitty.connect.hub.changes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every hub instance on the same PostgreSQL when a capability's answer changed, through LISTEN/NOTIFY on the
 * channel {@value #CHANNEL}. Guarantees:
 * <ul>
 *   <li>a change is announced once, however many instances see it: the answer's SHA-256 replaces the one in
 *   {@code answer_versions} and {@code pg_notify} fires in the same statement, only when the hash differed;</li>
 *   <li>an answer equal to the last one this instance saw or heard of costs no database round trip, and one equal
 *   to the last one it saw itself not even a hash;</li>
 *   <li>PostgreSQL delivers the notification after commit to every listening instance, the announcing one
 *   included, so all instances tell their clients the same way;</li>
 *   <li>each instance listens on a connection of its own (not one of the pool's); when it is lost, the listener
 *   reconnects and then reports every known capability as changed, since a notification may have been missed;</li>
 *   <li>a failure here never fails the request whose answer was announced: it is logged and the change is lost.</li>
 * </ul>
 */
@Component
public class AnswerChanges implements SmartLifecycle {

    static final String CHANNEL = "hub_answer_changes";

    private static final Logger log = LoggerFactory.getLogger(AnswerChanges.class);
    private static final String ANNOUNCE = """
            WITH changed AS (
                INSERT INTO answer_versions (capability, hash) VALUES (:capability, :hash)
                ON CONFLICT (capability) DO UPDATE SET hash = excluded.hash, changed_at = now()
                WHERE answer_versions.hash <> excluded.hash
                RETURNING capability, hash)
            SELECT pg_notify('%s', capability || ' ' || hash) FROM changed""".formatted(CHANNEL);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ObjectWriter canonical;
    private final Map<String, Seen> lastSeen = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    AnswerChanges(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        // map keys sorted: Map.of iterates in an order that differs between JVMs, so between instances
        this.canonical = mapper.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** {@code listener} receives the id of each capability whose answer changed, on the listening thread. */
    public void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    @EventListener
    void on(CapabilityAnswered answered) {
        announce(answered.capability(), answered.content());
    }

    /** Whether this call announced a change (false: the same content as before, or the database failed). */
    boolean announce(String capability, Object content) {
        Seen seen = lastSeen.get(capability);
        // the registry list and the status answer arrive unchanged on almost every call: equality is far cheaper
        if (seen != null && content.equals(seen.content())) {
            return false;
        }
        String hash = fingerprint(content);
        if (seen != null && hash.equals(seen.hash())) {
            lastSeen.put(capability, new Seen(hash, content));
            return false;
        }
        try {
            boolean changed = !jdbc.sql(ANNOUNCE).param("capability", capability).param("hash", hash)
                    .query().listOfRows().isEmpty();
            lastSeen.put(capability, new Seen(hash, content));
            return changed;
        } catch (DataAccessException e) {
            log.warn("could not announce a change of {}: {}", capability, e.getMessage());
            return false;
        }
    }

    /** Whether the listening connection is open and LISTENing (tests wait for it). */
    boolean listening() {
        return listening;
    }

    private String fingerprint(Object content) {
        try {
            byte[] bytes = content instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                    : canonical.writeValueAsBytes(content);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint an answer", e);
        }
    }

    private void listen() {
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                if (reconnecting) {
                    reportAllChanged();
                }
                reconnecting = true;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(1000);
                    for (PGNotification notification : received == null ? new PGNotification[0] : received) {
                        deliver(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    log.warn("listening for answer changes failed, reconnecting in 1 s: {}", e.getMessage());
                    pause();
                }
            }
        }
        listening = false;
    }

    private Connection connect() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    private void deliver(String payload) {
        int space = payload.indexOf(' ');
        String capability = space < 0 ? payload : payload.substring(0, space);
        if (space > 0) {
            lastSeen.put(capability, new Seen(payload.substring(space + 1), null));
        }
        tell(capability);
    }

    private void reportAllChanged() {
        lastSeen.clear();
        jdbc.sql("SELECT capability FROM answer_versions").query(String.class).list().forEach(this::tell);
    }

    private void tell(String capability) {
        for (Consumer<String> each : listeners) {
            try {
                each.accept(capability);
            } catch (RuntimeException e) {
                log.warn("a listener failed on the change of {}: {}", capability, e.getMessage());
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "answer-changes");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            listener.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A capability's last answer: its hash, and the content when this instance saw it (null when heard of). */
    private record Seen(String hash, Object content) {
    }
}
