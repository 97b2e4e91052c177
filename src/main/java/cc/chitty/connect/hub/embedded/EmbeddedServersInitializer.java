package cc.chitty.connect.hub.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import cc.chitty.connect.hub.kafka.KafkaClientProperties;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded servers that {@link EmbeddedServersEnvironment} found to be needed before the context
 * refreshes, so PostgreSQL and Kafka boot while Spring reads its configuration, and registers them as beans.
 */
class EmbeddedServersInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Environment env = context.getEnvironment();
        boolean kafka = env.getProperty("hub.embedded.kafka.enabled", Boolean.class, false);
        boolean postgres = env.getProperty("hub.embedded.postgres.enabled", Boolean.class, false);
        if (!kafka && !postgres) {
            return;
        }
        Path dataDir = Path.of(env.getRequiredProperty("hub.data-dir"));
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        // disposables are destroyed in reverse order: the lock, registered first, is released after both servers
        register(beans, "dataDirectoryLock", lock(dataDir));
        if (postgres) {
            register(beans, "embeddedPostgresServer", new EmbeddedPostgresServer(dataDir.resolve("postgres"),
                    env.getRequiredProperty("hub.embedded.postgres.port", Integer.class)));
        }
        if (kafka) {
            register(beans, "embeddedKafkaBroker", new EmbeddedKafkaBroker(dataDir.resolve("kafka"),
                    env.getRequiredProperty("hub.embedded.kafka.port", Integer.class),
                    env.getRequiredProperty("hub.embedded.kafka.controller-port", Integer.class), saslUser(env)));
        }
    }

    /** The broker accepts what the hub's clients are configured to send, when that is SASL/PLAIN. */
    private static EmbeddedKafkaBroker.PlainUser saslUser(Environment env) {
        KafkaClientProperties kafka = Binder.get(env).bindOrCreate("hub.kafka", KafkaClientProperties.class);
        boolean plain = "SASL_PLAINTEXT".equals(kafka.securityProtocol()) && "PLAIN".equals(kafka.sasl().mechanism());
        return plain ? new EmbeddedKafkaBroker.PlainUser(kafka.sasl().username(), kafka.sasl().password()) : null;
    }

    private static DataDirectoryLock lock(Path dataDir) {
        try {
            return new DataDirectoryLock(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void register(DefaultListableBeanFactory beans, String name, AutoCloseable server) {
        beans.registerSingleton(name, server);
        beans.registerDisposableBean(name, server::close);
    }
}
