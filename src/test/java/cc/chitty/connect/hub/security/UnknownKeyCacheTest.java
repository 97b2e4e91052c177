package cc.chitty.connect.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** A well-formed key the database does not know costs one lookup, not one per request. */
class UnknownKeyCacheTest {

    private static final String UNKNOWN = "chitty_" + "ab".repeat(32);

    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final ApiKeyRepository repository = new ApiKeyRepository(null) {
        @Override
        Optional<ApiKey> findByHash(String keyHash) {
            lookups.incrementAndGet();
            return Optional.empty();
        }
    };
    private final ApiKeys keys = new ApiKeys(repository, new LastUse(repository), Duration.ofSeconds(5),
            Duration.ofMinutes(1), Duration.ofMinutes(10), nanos::get);

    @Test
    void anUnknownKeySentAgainAndAgainCostsOneLookupForAMinute() {
        for (int i = 0; i < 5; i++) {
            assertThat(keys.check(UNKNOWN).outcome()).isEqualTo(ApiKeys.Outcome.UNKNOWN);
        }
        // past the cache of known keys (5 s), still within the memory of unknown ones
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(keys.check(UNKNOWN).outcome()).isEqualTo(ApiKeys.Outcome.UNKNOWN);

        assertThat(lookups).hasValue(1);
    }

    @Test
    void anUnknownKeyIsLookedUpAgainOnceForgotten() {
        keys.check(UNKNOWN);
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());

        keys.check(UNKNOWN);

        assertThat(lookups).hasValue(2);
    }
}
