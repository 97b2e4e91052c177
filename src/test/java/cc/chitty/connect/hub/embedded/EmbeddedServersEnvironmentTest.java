package cc.chitty.connect.hub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/**
 * External Kafka and PostgreSQL, when configured, replace the embedded servers with no code change; with embedded
 * servers off (the prod profile) the hub refuses to start without them.
 */
class EmbeddedServersEnvironmentTest {

    private final EmbeddedServersEnvironment processor = new EmbeddedServersEnvironment();

    @Test
    void withNothingConfiguredBothEmbeddedServersAreUsed() {
        MockEnvironment env = new MockEnvironment().withProperty("hub.embedded.kafka.port", "0");

        processor.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty("hub.embedded.kafka.enabled")).isEqualTo("true");
        assertThat(env.getProperty("hub.embedded.postgres.enabled")).isEqualTo("true");
        assertThat(env.getProperty("hub.kafka.bootstrap-servers")).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(env.getProperty("hub.embedded.kafka.port", Integer.class)).isPositive();
    }

    @Test
    void externalKafkaAndJdbcUrlSwitchTheEmbeddedServersOff() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("hub.kafka.bootstrap-servers", "kafka.internal:9092")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.internal:5432/chittyconnect");

        processor.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty("hub.embedded.kafka.enabled")).isNull();
        assertThat(env.getProperty("hub.embedded.postgres.enabled")).isNull();
        assertThat(env.getProperty("hub.kafka.bootstrap-servers")).isEqualTo("kafka.internal:9092");
    }

    @Test
    void withEmbeddedServersOffAMissingExternalServerRefusesTheStart() {
        MockEnvironment noKafka = new MockEnvironment().withProperty("hub.embedded.enabled", "false")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.internal:5432/chittyconnect");
        MockEnvironment neither = new MockEnvironment().withProperty("hub.embedded.enabled", "false");

        assertThatThrownBy(() -> processor.postProcessEnvironment(noKafka, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS")
                .hasMessageNotContaining("JDBC_URL").hasMessageContaining("HUB_EMBEDDED=true");
        assertThatThrownBy(() -> processor.postProcessEnvironment(neither, new SpringApplication()))
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS").hasMessageContaining("JDBC_URL");
        assertThat(neither.getProperty("hub.embedded.postgres.enabled")).isNull();
    }

    @Test
    void withEmbeddedServersOffBothExternalServersStart() {
        MockEnvironment env = new MockEnvironment().withProperty("hub.embedded.enabled", "false")
                .withProperty("hub.kafka.bootstrap-servers", "kafka.internal:9092")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.internal:5432/chittyconnect");

        processor.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty("hub.embedded.kafka.enabled")).isNull();
    }
}
