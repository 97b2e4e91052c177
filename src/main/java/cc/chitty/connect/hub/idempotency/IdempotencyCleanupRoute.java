package cc.chitty.connect.hub.idempotency;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Deletes idempotency records older than their time to live, hourly (visible as a route in Hawtio). */
@Component
class IdempotencyCleanupRoute extends RouteBuilder {

    private final IdempotencyRecords records;

    IdempotencyCleanupRoute(IdempotencyRecords records) {
        this.records = records;
    }

    @Override
    public void configure() {
        from("timer:idempotency-cleanup?period={{hub.idempotency.cleanup-interval:1h}}&delay=60000")
                .routeId("idempotency.cleanup")
                .process(exchange -> exchange.getMessage().setBody(records.deleteExpired()))
                .log("removed ${body} expired idempotency records");
    }
}
