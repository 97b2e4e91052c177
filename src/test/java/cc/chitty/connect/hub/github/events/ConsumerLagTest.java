package cc.chitty.connect.hub.github.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cc.chitty.connect.hub.github.GitHubTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The consumer group's lag as operators see it in Prometheus, read from the broker. */
class ConsumerLagTest extends GitHubTestSupport {

    @Autowired
    private CamelContext camel;

    @Autowired
    private ProducerTemplate producer;

    @Test
    void theLagCountsTheDeliveriesAStoppedConsumerHasNotCommittedAndFallsToZeroOnceTheyAreApplied()
            throws Exception {
        camel.getRouteController().stopRoute(GitHubEventRoutes.CONSUMER_ROUTE);
        long before;
        try {
            // the last asynchronous commits of the stopped consumer may still land
            long[] previous = {-2};
            eventually().until(() -> {
                long now = lag();
                boolean settled = now >= 0 && now == previous[0];
                previous[0] = now;
                return settled;
            });
            before = previous[0];
            for (int i = 0; i < 3; i++) {
                String id = newDeliveryId();
                assertThat(deliver(id, "push", push("lag", 5401, 61001, sha(id), "fix: " + i, List.of()))
                        .statusCode()).isEqualTo(202);
            }

            assertThat(lag()).isEqualTo(before + 3);
        } finally {
            camel.getRouteController().startRoute(GitHubEventRoutes.CONSUMER_ROUTE);
        }
        eventually().until(() -> lag() == 0);
        assertThat(asOperator(request("/actuator/prometheus").GET()).body())
                .contains("hub_github_consumer_lag_records{application=\"chittyconnect-hub\","
                        + "group=\"chittyconnect-github\",topic=\"github-events\"} 0.0");
    }

    private long lag() {
        return producer.requestBody(ConsumerLag.MEASURE, null, Long.class);
    }
}
