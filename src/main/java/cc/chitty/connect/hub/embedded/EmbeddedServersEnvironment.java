package cc.chitty.connect.hub.embedded;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides, before any bean exists, whether the embedded Kafka broker and PostgreSQL server are needed: they are
 * when no external bootstrap servers or JDBC URL are configured. Unless {@code hub.embedded.enabled}
 * ({@code HUB_EMBEDDED}; false in the {@code prod} profile) allows them, the hub refuses to start instead, so a
 * production hub never keeps its state in a directory that dies with its container. Resolves their ports early
 * because the Kafka address is baked into component configuration long before the broker bean is created.
 */
class EmbeddedServersEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "hubEmbeddedServers";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> props = new HashMap<>();
        // resolved once: a configured ${random.uuid} must name one directory, not a new one per lookup
        props.put("hub.data-dir", env.getProperty("hub.data-dir", "./data"));
        boolean kafkaNeeded = isBlank(env.getProperty("hub.kafka.bootstrap-servers"));
        boolean postgresNeeded = isBlank(env.getProperty("spring.datasource.url"));
        if ((kafkaNeeded || postgresNeeded) && !env.getProperty("hub.embedded.enabled", Boolean.class, true)) {
            throw new IllegalStateException("No external " + (kafkaNeeded ? "Kafka (KAFKA_BOOTSTRAP_SERVERS)" : "")
                    + (kafkaNeeded && postgresNeeded ? " or " : "")
                    + (postgresNeeded ? "PostgreSQL (JDBC_URL)" : "") + " is configured and embedded servers are "
                    + "off (the prod profile's default): configure them, or set HUB_EMBEDDED=true to keep the "
                    + "state under HUB_DATA_DIR");
        }
        if (kafkaNeeded) {
            int port = portOrFree(env.getProperty("hub.embedded.kafka.port", Integer.class, 9092));
            int controllerPort = portOrFree(env.getProperty("hub.embedded.kafka.controller-port", Integer.class, 9093));
            props.put("hub.embedded.kafka.enabled", "true");
            props.put("hub.embedded.kafka.port", port);
            props.put("hub.embedded.kafka.controller-port", controllerPort);
            props.put("hub.kafka.bootstrap-servers", "127.0.0.1:" + port);
        }
        if (postgresNeeded) {
            props.put("hub.embedded.postgres.enabled", "true");
            props.put("hub.embedded.postgres.port",
                    portOrFree(env.getProperty("hub.embedded.postgres.port", Integer.class, 0)));
        }
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, props));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static int portOrFree(int configured) {
        return configured > 0 ? configured : LoopbackPorts.free();
    }
}
