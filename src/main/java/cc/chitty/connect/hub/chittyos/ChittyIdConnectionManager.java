package cc.chitty.connect.hub.chittyos;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import cc.chitty.connect.hub.upstream.UpstreamProbes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jmx.export.annotation.ManagedAttribute;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;

/**
 * The hub's one {@link ChittyIdConnection}, started {@code hub.chittyid.connection.start-delay} after start-up and
 * shown to operators: the {@code chittyid} health indicator (not part of readiness: the hub serves other
 * capabilities without ChittyID), the Prometheus gauge {@code hub_chittyid_connection_state{state}} (1 for the
 * current state) and counter {@code hub_chittyid_connection_transitions_total{from,to}}, and the JMX bean
 * {@code cc.chitty.connect.hub:type=ChittyIdConnection} that Hawtio shows, with {@code reconnect} and
 * {@code disconnect} operations.
 */
@Component("chittyid")
@ManagedResource(objectName = ChittyIdConnectionManager.OBJECT_NAME,
        description = "The ChittyID service connection (v2.2 connection manager)")
@EnableConfigurationProperties(ChittyIdConnectionManager.Properties.class)
public class ChittyIdConnectionManager implements HealthIndicator, SmartLifecycle {

    static final String OBJECT_NAME = "cc.chitty.connect.hub:type=ChittyIdConnection";
    private static final Logger LOG = LoggerFactory.getLogger(ChittyIdConnectionManager.class);

    /** The v2.2 defaults: a health check every 30 s, reconnects 1 s doubling to 60 s, unlimited attempts. */
    @ConfigurationProperties("hub.chittyid.connection")
    record Properties(Duration startDelay, Duration healthInterval, Duration initialBackoff, Duration maxBackoff,
            Integer maxAttempts) {
        Properties {
            startDelay = startDelay != null ? startDelay : Duration.ofSeconds(2);
            healthInterval = healthInterval != null ? healthInterval : Duration.ofSeconds(30);
            initialBackoff = initialBackoff != null ? initialBackoff : Duration.ofSeconds(1);
            maxBackoff = maxBackoff != null ? maxBackoff : Duration.ofSeconds(60);
            maxAttempts = maxAttempts != null ? maxAttempts : 0;
        }

        ChittyIdConnection.Settings settings() {
            return new ChittyIdConnection.Settings(healthInterval, initialBackoff, maxBackoff, maxAttempts);
        }
    }

    private final Properties properties;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chittyid-connection");
        thread.setDaemon(true);
        return thread;
    });
    private final ChittyIdConnection connection;
    private volatile boolean running;

    ChittyIdConnectionManager(Properties properties, UpstreamProbes probes, MeterRegistry meters) {
        this.properties = properties;
        this.connection = new ChittyIdConnection(properties.settings(), () -> probes.probe("chittyid", "/health"),
                (delay, task) -> executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS),
                (from, to) -> {
                    Counter.builder("hub.chittyid.connection.transitions").tag("from", from.id()).tag("to", to.id())
                            .description("ChittyID connection state changes").register(meters).increment();
                    LOG.info("ChittyID connection {} -> {}", from.id(), to.id());
                }, Clock.systemUTC());
        for (ConnectionState state : ConnectionState.values()) {
            Gauge.builder("hub.chittyid.connection.state", connection, c -> c.state() == state ? 1 : 0)
                    .tag("state", state.id()).description("ChittyID connection state: 1 for the current one")
                    .register(meters);
        }
    }

    ConnectionState state() {
        return connection.state();
    }

    @Override
    public Health health() {
        ChittyIdConnection.Snapshot now = connection.snapshot();
        Health.Builder builder = switch (now.state()) {
            case CONNECTED -> Health.up();
            case RECONNECTING, FAILED -> Health.down();
            case DISCONNECTED, CONNECTING -> Health.unknown();
        };
        builder.withDetail("state", now.state().id()).withDetail("since", now.since().toString())
                .withDetail("reconnectAttempts", now.reconnectAttempts());
        if (now.lastProbe() != null) {
            builder.withDetail("lastProbe", now.lastProbe().toString());
        }
        if (now.lastFailure() != null) {
            builder.withDetail("lastFailure", now.lastFailure());
        }
        return builder.build();
    }

    @ManagedAttribute(description = "disconnected, connecting, connected, reconnecting or failed")
    public String getState() {
        return connection.state().id();
    }

    @ManagedAttribute(description = "When the connection entered its state")
    public String getSince() {
        return connection.snapshot().since().toString();
    }

    @ManagedAttribute(description = "Consecutive failed probes since the last healthy one")
    public int getReconnectAttempts() {
        return connection.snapshot().reconnectAttempts();
    }

    @ManagedAttribute(description = "Milliseconds between the last probe and the next (-1: none pending)")
    public long getNextProbeInMillis() {
        Duration next = connection.snapshot().nextProbeIn();
        return next == null ? -1 : next.toMillis();
    }

    @ManagedAttribute(description = "Why the last probe failed, if it did")
    public String getLastFailure() {
        return connection.snapshot().lastFailure();
    }

    @ManagedOperation(description = "Drop the connection and connect again at once, e.g. after a FAILED state")
    public void reconnect() {
        connection.disconnect();
        connection.connect();
    }

    @ManagedOperation(description = "Drop the connection and stop probing until reconnect")
    public void disconnect() {
        connection.disconnect();
    }

    @Override
    public void start() {
        running = true;
        executor.schedule(connection::connect, properties.startDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        connection.disconnect();
        executor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
