package cc.chitty.connect.hub.context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.sql.DataSource;

import cc.chitty.connect.hub.capability.CapabilityFailure;
import cc.chitty.connect.hub.context.ContextState.Phase;
import cc.chitty.connect.hub.upstream.ErrorClass;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.core.IntervalFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers the hub in ChittyOS in the background after start-up, as the original's initializeContext did: mint a
 * CONTEXT ChittyID, create its DNA record, provision its API keys, register it, verify it, certify it, and keep
 * the result in {@code contexts}. Each step is a capability call named in {@code hub.context.steps} (its upstream
 * path, schema and defaults in {@code routes/}); this class keeps only the order, the state row and the retries.
 * Mint and key provisioning are hard steps, the others soft (§3.2 of the original). Unlike the original it does not
 * run again once the row is complete, saves each step as it succeeds (so a crash never mints a second identity),
 * retries failed steps with jittered exponential backoff, and lets only one instance run at a time (a PostgreSQL
 * advisory lock). What the hub says about itself is {@code hub.context.metadata}.
 */
@Component
@EnableConfigurationProperties(ContextProperties.class)
class ContextInitialization implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ContextInitialization.class);
    private static final long LOCK_KEY = 0x6368697474794358L;

    private final ContextProperties properties;
    private final ContextCalls calls;
    private final ContextRows rows;
    private final DataSource dataSource;
    private final IntervalFunction backoff;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<ContextState> state;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hub-context-init");
        thread.setDaemon(true);
        return thread;
    });

    ContextInitialization(ContextProperties properties, ContextCalls calls, ContextRows rows, DataSource dataSource) {
        this.properties = properties;
        this.calls = calls;
        this.rows = rows;
        this.dataSource = dataSource;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(properties.retryDelay(), 2.0, 0.25,
                properties.maxRetryDelay());
        this.state = new AtomicReference<>(ContextState.initial(properties.enabled()));
    }

    ContextState state() {
        return state.get();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (properties.enabled()) {
            schedule(properties.initialDelay());
        }
    }

    /** One run, now, on the caller's thread; what the scheduler calls, and what tests call. */
    synchronized ContextState runNow() {
        ContextState previous = state.get();
        state.set(new ContextState(Phase.RUNNING, previous.chittyid(), previous.steps(), previous.attempts() + 1,
                null));
        ContextState result;
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock)) {
                result = new ContextState(Phase.PENDING, previous.chittyid(), Map.of("lock", "held by another instance"),
                        previous.attempts() + 1, null);
            } else {
                try {
                    result = run(previous.attempts() + 1);
                } finally {
                    unlock(lock);
                }
            }
        } catch (SQLException e) {
            log.warn("context initialisation could not use the database: {}", e.getMessage());
            result = new ContextState(Phase.FAILED, previous.chittyid(), Map.of("store", "database"),
                    previous.attempts() + 1, null);
        }
        state.set(result);
        return result;
    }

    private ContextState run(int attempt) {
        String name = properties.name();
        ContextProperties.Steps capability = properties.steps();
        ContextRecord context = rows.find(name).orElse(new ContextRecord(null, null, null, null, null));
        Map<String, String> steps = new LinkedHashMap<>();
        if (context.complete()) {
            steps.put("stored", "ok");
            return new ContextState(Phase.COMPLETE, context.chittyid(), steps, attempt, null);
        }
        Map<String, Object> metadata = properties.metadata().asMap();
        String chittyid = context.chittyid();
        if (chittyid == null) {
            chittyid = step(steps, "mint", () -> firstText(calls.call(capability.mint(), null, Map.of(
                    "entity", "CONTEXT", "metadata", Map.of("name", name, "type", "chittyconnect_integration"))),
                    "id", "chittyId"));
            if (chittyid == null) {
                return failed(steps, null, attempt);
            }
            context = new ContextRecord(chittyid, null, null, null, null);
            rows.save(name, context, metadata);
        } else {
            steps.put("mint", "ok");
        }
        String id = chittyid;
        String dnaId = context.dnaId() != null ? ok(steps, "dna", context.dnaId())
                : step(steps, "dna", () -> firstText(calls.call(capability.dna(), id, Map.of("chittyid", id,
                        "type", "context", "metadata", metadata, "genesis", Map.of("service", name,
                                "timestamp", clock.instant().toString(), "version", properties.metadata().version()))),
                        "id", "dnaId"));
        String keyId = context.apiKeyId() != null ? ok(steps, "keys", context.apiKeyId())
                : step(steps, "keys", () -> firstText(calls.call(capability.keys(), id,
                        Map.of("service", name, "context", id)), "keyId"));
        if (keyId == null) {
            rows.save(name, new ContextRecord(id, dnaId, null, null, null), metadata);
            return failed(steps, id, attempt);
        }
        step(steps, "register", () -> {
            calls.call(capability.register(), id, Map.of("chittyid", id, "name", name,
                    "capabilities", properties.metadata().capabilities(), "health", properties.healthUrl()));
            return id;
        });
        String verificationId = context.verificationId() != null ? ok(steps, "verify", context.verificationId())
                : step(steps, "verify", () -> firstText(calls.call(capability.verify(), id, Map.of("chittyid", id,
                        "dna", String.valueOf(dnaId), "apiKeys", keyId)), "id", "verificationId"));
        String certificationId;
        if (context.certificationId() != null) {
            certificationId = ok(steps, "certify", context.certificationId());
        } else if (verificationId == null) {
            steps.put("certify", "skipped");
            certificationId = null;
        } else {
            certificationId = step(steps, "certify", () -> firstText(calls.call(capability.certify(), id,
                    Map.of("verification", verificationId)), "id", "certificationId"));
        }
        ContextRecord saved = new ContextRecord(id, dnaId, keyId, verificationId, certificationId);
        rows.save(name, saved, metadata);
        Phase phase = saved.complete() ? Phase.COMPLETE : Phase.PARTIAL;
        log.info("context initialisation {}: {} {}", phase.name().toLowerCase(Locale.ROOT), id, steps);
        return new ContextState(phase, id, Map.copyOf(steps), attempt, null);
    }

    private ContextState failed(Map<String, String> steps, String chittyid, int attempt) {
        log.warn("context initialisation failed at a hard step: {}", steps);
        return new ContextState(Phase.FAILED, chittyid, Map.copyOf(steps), attempt, null);
    }

    private static String ok(Map<String, String> steps, String step, String value) {
        steps.put(step, "ok");
        return value;
    }

    /** Runs a step; its failure is recorded by class, and null returned for the caller to judge as hard or soft. */
    private static String step(Map<String, String> steps, String step, Supplier<String> call) {
        try {
            String value = call.get();
            if (value == null) {
                steps.put(step, "failed: the answer had no id");
                return null;
            }
            steps.put(step, "ok");
            return value;
        } catch (CapabilityFailure failure) {
            steps.put(step, "failed: " + failure.fault().errorClass().id());
            return null;
        } catch (RuntimeException e) {
            log.warn("context initialisation step {} failed in the hub", step, e);
            steps.put(step, "failed: " + ErrorClass.INTERNAL.id());
            return null;
        }
    }

    private static String firstText(JsonNode answer, String... fields) {
        for (String field : fields) {
            if (answer.hasNonNull(field)) {
                return answer.get(field).asText();
            }
        }
        return null;
    }

    private void schedule(Duration delay) {
        state.updateAndGet(current -> current.scheduled(clock.instant().plus(delay)));
        scheduler.schedule(this::runAndReschedule, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runAndReschedule() {
        ContextState result;
        try {
            result = runNow();
        } catch (RuntimeException e) {
            log.warn("context initialisation failed", e);
            result = state.get();
        }
        if (result.phase() != Phase.COMPLETE) {
            schedule(Duration.ofMillis(backoff.apply(result.attempts())));
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
