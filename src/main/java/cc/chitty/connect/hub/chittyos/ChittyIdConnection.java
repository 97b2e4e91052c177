package cc.chitty.connect.hub.chittyos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import cc.chitty.connect.hub.upstream.UpstreamProbes;

/**
 * The v2.2 ChittyID client's connection manager as a state machine over a health probe and a timer.
 * Guarantees:
 * <ul>
 * <li>{@link #connect()} moves DISCONNECTED or FAILED to CONNECTING and probes at once; a healthy probe is
 * CONNECTED, rechecked every {@code healthInterval};</li>
 * <li>a failed probe, in any of those states, is RECONNECTING, probed again after {@code initialBackoff} doubled for
 * each consecutive failure up to {@code maxBackoff}; with {@code maxAttempts} above 0, the failure after that many
 * reconnect attempts is FAILED and probing stops until the next {@link #connect()} (0: unlimited, as in v2.2);</li>
 * <li>{@link #disconnect()} is DISCONNECTED and drops any pending probe;</li>
 * <li>at most one probe is pending at a time; reading the state never waits for a probe.</li>
 * </ul>
 * The probe is the service's own {@code /health} past the circuit breaker ({@link UpstreamProbes}), so the
 * connection state and the breaker of real calls never drive each other.
 */
final class ChittyIdConnection {

    /** Runs a task once after a delay; the real one is a scheduled executor, tests step a manual one. */
    interface Timer {
        void schedule(Duration delay, Runnable task);
    }

    interface Listener {
        void onTransition(ConnectionState from, ConnectionState to);
    }

    record Settings(Duration healthInterval, Duration initialBackoff, Duration maxBackoff, int maxAttempts) {
    }

    /** What operators see: the state, since when, the reconnect attempts so far and the next probe's delay. */
    record Snapshot(ConnectionState state, Instant since, int reconnectAttempts, Duration nextProbeIn,
            Instant lastProbe, String lastFailure) {
    }

    private final Settings settings;
    private final Supplier<UpstreamProbes.Result> probe;
    private final Timer timer;
    private final Listener listener;
    private final Clock clock;
    private final Object lock = new Object();

    private volatile Snapshot snapshot;
    private long generation;

    ChittyIdConnection(Settings settings, Supplier<UpstreamProbes.Result> probe, Timer timer, Listener listener,
            Clock clock) {
        this.settings = settings;
        this.probe = probe;
        this.timer = timer;
        this.listener = listener;
        this.clock = clock;
        this.snapshot = new Snapshot(ConnectionState.DISCONNECTED, clock.instant(), 0, null, null, null);
    }

    ConnectionState state() {
        return snapshot.state();
    }

    Snapshot snapshot() {
        return snapshot;
    }

    void connect() {
        synchronized (lock) {
            ConnectionState state = snapshot.state();
            if (state != ConnectionState.DISCONNECTED && state != ConnectionState.FAILED) {
                return;
            }
            generation++;
            update(ConnectionState.CONNECTING, 0, Duration.ZERO, snapshot.lastProbe(), snapshot.lastFailure());
            schedule(Duration.ZERO);
        }
    }

    void disconnect() {
        synchronized (lock) {
            generation++;
            update(ConnectionState.DISCONNECTED, 0, null, snapshot.lastProbe(), snapshot.lastFailure());
        }
    }

    private void schedule(Duration delay) {
        long scheduledFor = generation;
        timer.schedule(delay, () -> check(scheduledFor));
    }

    private void check(long scheduledFor) {
        synchronized (lock) {
            if (scheduledFor != generation) {
                return;
            }
        }
        String failure = failureOf(probe);
        synchronized (lock) {
            if (scheduledFor != generation) {
                return;
            }
            Instant now = clock.instant();
            if (failure == null) {
                update(ConnectionState.CONNECTED, 0, settings.healthInterval(), now, null);
                schedule(settings.healthInterval());
                return;
            }
            int attempts = snapshot.reconnectAttempts() + 1;
            if (settings.maxAttempts() > 0 && attempts > settings.maxAttempts()) {
                generation++;
                update(ConnectionState.FAILED, attempts - 1, null, now, failure);
                return;
            }
            Duration backoff = backoff(attempts);
            update(ConnectionState.RECONNECTING, attempts, backoff, now, failure);
            schedule(backoff);
        }
    }

    /** {@code initialBackoff} doubled for each attempt after the first, at most {@code maxBackoff}. */
    Duration backoff(int attempt) {
        long initial = settings.initialBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        long delay = initial;
        for (int i = 1; i < attempt && delay < max; i++) {
            delay *= 2;
        }
        return Duration.ofMillis(Math.min(delay, max));
    }

    private static String failureOf(Supplier<UpstreamProbes.Result> probe) {
        try {
            UpstreamProbes.Result result = probe.get();
            if (result.healthy()) {
                return null;
            }
            return result.answered() ? "status " + result.statusCode() : result.errorClass();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    private void update(ConnectionState to, int attempts, Duration nextProbeIn, Instant lastProbe, String failure) {
        ConnectionState from = snapshot.state();
        Instant since = from == to ? snapshot.since() : clock.instant();
        snapshot = new Snapshot(to, since, attempts, nextProbeIn, lastProbe, failure);
        if (from != to) {
            listener.onTransition(from, to);
        }
    }
}
