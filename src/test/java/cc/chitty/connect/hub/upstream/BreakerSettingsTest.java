package cc.chitty.connect.hub.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The breakers run with the windows: chittyauth 3 failures / 30 s, chittyregistry and any service without
 * settings of its own 5 / 60 s. (The test profile shortens chittyid's, so it is not checked here.)
 */
class BreakerSettingsTest extends HubIntegrationTest {

    @Autowired
    private UpstreamBreakers breakers;

    @Test
    void chittyAuthOpensAfterThreeFailuresForThirtySeconds() {
        assertWindow("chittyauth", 3, Duration.ofSeconds(30));
    }

    @Test
    void chittyRegistryOpensAfterFiveFailuresForAMinute() {
        assertWindow("chittyregistry", 5, Duration.ofSeconds(60));
    }

    @Test
    void aServiceWithoutSettingsOfItsOwnGetsTheDefaultFiveFailuresForAMinute() {
        assertWindow("chittycases", 5, Duration.ofSeconds(60));
    }

    private void assertWindow(String service, int failures, Duration open) {
        CircuitBreakerConfig config = breakers.config(service).orElseThrow();

        assertThat(config.getSlidingWindowType()).isEqualTo(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED);
        assertThat(config.getSlidingWindowSize()).as(service + " window").isEqualTo(failures);
        assertThat(config.getMinimumNumberOfCalls()).as(service + " minimum calls").isEqualTo(failures);
        assertThat(config.getFailureRateThreshold()).isEqualTo(100f);
        assertThat(Duration.ofMillis(config.getWaitIntervalFunctionInOpenState().apply(1)))
                .as(service + " open duration").isEqualTo(open);
    }
}
