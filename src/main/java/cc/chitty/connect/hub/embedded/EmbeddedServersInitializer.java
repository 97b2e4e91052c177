package cc.chitty.connect.hub.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
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
                    env.getRequiredProperty("hub.embedded.kafka.controller-port", Integer.class)));
        }
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
