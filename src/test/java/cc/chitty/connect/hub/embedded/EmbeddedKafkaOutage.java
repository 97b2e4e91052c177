package cc.chitty.connect.hub.embedded;

import java.nio.file.Path;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A broker outage for tests in other packages: stops a context's embedded broker, then starts a new one on the
 * same ports and data directory. Only for a context of the test's own; the shared one would lose its broker.
 */
public final class EmbeddedKafkaOutage {

    private EmbeddedKafkaOutage() {
    }

    public static void stop(ConfigurableApplicationContext context) {
        context.getBeansOfType(EmbeddedKafkaBroker.class).values().stream()
                .filter(EmbeddedKafkaBroker::isRunning)
                .forEach(EmbeddedKafkaBroker::stop);
    }

    public static void restart(ConfigurableApplicationContext context) {
        Environment env = context.getEnvironment();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(
                Path.of(env.getRequiredProperty("hub.data-dir")).resolve("kafka"),
                env.getRequiredProperty("hub.embedded.kafka.port", Integer.class),
                env.getRequiredProperty("hub.embedded.kafka.controller-port", Integer.class), null);
        // a bean like the one it replaces: stopped after Camel when the context closes, and found by stop()
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        String name = "embeddedKafkaBroker-" + context.getBeansOfType(EmbeddedKafkaBroker.class).size();
        beans.registerSingleton(name, broker);
        beans.registerDisposableBean(name, broker::close);
        broker.start();
    }
}
