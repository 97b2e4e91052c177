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
        context.getBean("embeddedKafkaBroker", EmbeddedKafkaBroker.class).stop();
    }

    public static void restart(ConfigurableApplicationContext context) {
        Environment env = context.getEnvironment();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(
                Path.of(env.getRequiredProperty("hub.data-dir")).resolve("kafka"),
                env.getRequiredProperty("hub.embedded.kafka.port", Integer.class),
                env.getRequiredProperty("hub.embedded.kafka.controller-port", Integer.class));
        // closed with the context's beans, after Camel has stopped, as the broker it replaces would have been
        ((DefaultListableBeanFactory) context.getBeanFactory())
                .registerDisposableBean("restartedEmbeddedKafkaBroker", broker::close);
        broker.start();
    }
}
