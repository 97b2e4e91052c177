package cc.chitty.connect.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * The {@code prod} profile's start-up refusals, through a real {@code SpringApplication} that reads the hub's
 * application.yaml and application-prod.yaml and runs its environment post-processors, but holds no beans of the
 * hub: the refusals come before any bean or embedded server, so no hub is started.
 */
class ProdProfileStartupTest {

    /** No configuration of its own: only what the post-processors and profiles decide. */
    static class NoBeans {
    }

    private static final Map<String, Object> EXTERNAL = Map.of(
            "hub.kafka.bootstrap-servers", "127.0.0.1:1",
            "spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/none");

    /** Starts with {@code properties} as command-line arguments, which override application.yaml's defaults. */
    private static Throwable start(Map<String, Object> properties) {
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return catchThrowable(() -> {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NoBeans.class)
                    .profiles("prod").web(WebApplicationType.NONE).run(args)) {
                assertThat(context.isActive()).isTrue();
            }
        });
    }

    @Test
    void prodRefusesToStartWithoutAnOperatorPassword() {
        Throwable refused = start(EXTERNAL);

        assertThat(refused).isNotNull();
        assertThat(NestedExceptionUtils.getMostSpecificCause(refused)).hasMessageContaining("HUB_OPERATOR_PASSWORD");
    }

    @Test
    void prodRefusesToStartOnEmbeddedServersItWasNotAskedFor() {
        Throwable refused = start(Map.of("hub.operator.password", "from-a-secret"));

        assertThat(refused).isNotNull();
        assertThat(NestedExceptionUtils.getMostSpecificCause(refused)).hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS")
                .hasMessageContaining("HUB_EMBEDDED=true");
    }

    @Test
    void prodStartsWithAPasswordAndExternalServers() {
        Map<String, Object> configured = new java.util.HashMap<>(EXTERNAL);
        configured.put("hub.operator.password", "from-a-secret");

        assertThat(start(configured)).isNull();
    }
}
