package cc.chitty.connect.hub.embedded;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The DataSource on the embedded PostgreSQL that {@link EmbeddedServersInitializer} started. */
@Configuration(proxyBeanMethods = false)
class EmbeddedServersConfiguration {

    @Bean
    @ConditionalOnProperty("hub.embedded.postgres.enabled")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer postgres) {
        return DataSourceBuilder.create().type(HikariDataSource.class)
                .url(postgres.jdbcUrl()).username("postgres").password("").build();
    }
}
