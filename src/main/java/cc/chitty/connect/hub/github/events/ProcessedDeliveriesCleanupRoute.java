package cc.chitty.connect.hub.github.events;

import java.sql.Timestamp;
import java.time.Instant;

import cc.chitty.connect.hub.github.GitHubProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forgets processed delivery ids older than {@code hub.github.processed-retention} (30 days: well past GitHub's
 * redelivery window and the dead-letter topic's retention), every {@code hub.github.processed-cleanup-interval}
 * (an hour), so {@code camel_messageprocessed} stays small.
 */
@Component
class ProcessedDeliveriesCleanupRoute extends RouteBuilder {

    static final String CLEANUP = "direct:github.processed-cleanup";

    private final JdbcClient jdbc;
    private final GitHubProperties properties;

    ProcessedDeliveriesCleanupRoute(JdbcClient jdbc, GitHubProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public void configure() {
        from("timer:github.processed-cleanup?period=" + properties.processedCleanupInterval().toMillis()
                + "&delay=60000").routeId("github.processed-cleanup.timer")
                .to(CLEANUP);
        from(CLEANUP).routeId("github.processed-cleanup")
                .process(exchange -> exchange.getMessage().setBody(deleteOlderThanRetention()))
                .log("forgot ${body} processed GitHub delivery ids");
    }

    private int deleteOlderThanRetention() {
        Timestamp before = Timestamp.from(Instant.now().minus(properties.processedRetention()));
        jdbc.sql("DELETE FROM github_check_run_attempts WHERE started_at < :before").param("before", before).update();
        return jdbc.sql("DELETE FROM camel_messageprocessed WHERE processorname = :processor AND createdat < :before")
                .param("processor", GitHubEventRoutes.PROCESSOR_NAME)
                .param("before", before)
                .update();
    }
}
