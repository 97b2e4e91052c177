package cc.chitty.connect.hub.embedded;

import java.io.IOException;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the embedded servers that {@link EmbeddedServersEnvironment} found to be needed. */
@Configuration(proxyBeanMethods = false)
class EmbeddedServersConfiguration {

    @Bean
    @ConditionalOnExpression("${hub.embedded.kafka.enabled:false} or ${hub.embedded.postgres.enabled:false}")
    DataDirectoryLock dataDirectoryLock(@Value("${hub.data-dir}") Path dataDir) throws IOException {
        return new DataDirectoryLock(dataDir);
    }

    @Bean
    @ConditionalOnProperty("hub.embedded.kafka.enabled")
    EmbeddedKafkaBroker embeddedKafkaBroker(DataDirectoryLock lock, @Value("${hub.data-dir}") Path dataDir,
            @Value("${hub.embedded.kafka.port}") int port,
            @Value("${hub.embedded.kafka.controller-port}") int controllerPort) {
        return new EmbeddedKafkaBroker(dataDir.resolve("kafka"), port, controllerPort);
    }

    @Bean
    @ConditionalOnProperty("hub.embedded.postgres.enabled")
    EmbeddedPostgresServer embeddedPostgresServer(DataDirectoryLock lock, @Value("${hub.data-dir}") Path dataDir,
            @Value("${hub.embedded.postgres.port}") int port) throws IOException {
        return new EmbeddedPostgresServer(dataDir.resolve("postgres"), port);
    }

    @Bean
    @ConditionalOnProperty("hub.embedded.postgres.enabled")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer postgres) {
        return DataSourceBuilder.create().type(HikariDataSource.class)
                .url(postgres.jdbcUrl()).username("postgres").password("").build();
    }
}
