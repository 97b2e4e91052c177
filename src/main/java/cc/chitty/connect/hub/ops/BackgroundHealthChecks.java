package cc.chitty.connect.hub.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import cc.chitty.connect.hub.kafka.KafkaClientProperties;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The readiness dependencies, PostgreSQL ({@code db}, replacing Spring Boot's own indicator of that name) and Kafka
 * ({@code kafka}), checked on one background thread every {@code hub.health.refresh-interval} (every
 * {@code down-refresh-interval} while a check fails, so recovery shows quickly) and answered from memory
 * ({@link RefreshedHealth}): a call to /health or a readiness probe costs no database query and no broker round
 * trip, however many arrive.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackgroundHealthChecks.Properties.class)
class BackgroundHealthChecks implements DisposableBean {

    @ConfigurationProperties("hub.health")
    record Properties(Duration refreshInterval, Duration downRefreshInterval, Duration staleAfter,
            Duration documentMaxAge) {
        Properties {
            refreshInterval = refreshInterval != null ? refreshInterval : Duration.ofSeconds(5);
            downRefreshInterval = downRefreshInterval != null ? downRefreshInterval : Duration.ofMillis(500);
            staleAfter = staleAfter != null ? staleAfter : Duration.ofSeconds(30);
            documentMaxAge = documentMaxAge != null ? documentMaxAge : Duration.ofSeconds(1);
        }
    }

    // not a bean: an Executor bean would stop Spring Boot from creating the task executor platform-http needs
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "health-refresh");
        thread.setDaemon(true);
        return thread;
    });

    @Bean
    RefreshedHealth dbHealthIndicator(DataSource dataSource, Properties properties) {
        return refreshed(new DataSourceHealthIndicator(dataSource), properties, refresher);
    }

    @Bean
    RefreshedHealth kafka(@Lazy Admin admin, KafkaClientProperties kafka, Properties properties) {
        return refreshed(new KafkaHealthIndicator(admin, kafka), properties, refresher);
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }

    private static RefreshedHealth refreshed(HealthIndicator check,
            Properties properties, ScheduledExecutorService refresher) {
        RefreshedHealth health = new RefreshedHealth(check, properties.staleAfter(), Clock.systemUTC());
        refresher.execute(new Runnable() {
            @Override
            public void run() {
                Duration next = health.refresh() ? properties.refreshInterval() : properties.downRefreshInterval();
                try {
                    refresher.schedule(this, next.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopping) {
                    // the hub is shutting down: no more checks
                }
            }
        });
        return health;
    }
}
