package cc.chitty.connect.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * What ApiKeys remembers between lookups: a well-formed key the database does not know costs one lookup, not one
 * per request; a key its holder used lately is still recognised from an address that spent its budget of 401s, so
 * a real client behind the same NAT as a key guesser keeps working while the guesses cost no query.
 */
class ApiKeyMemoryTest {

    private static final String UNKNOWN = "chitty_" + "ab".repeat(32);
    private static final String REAL = "chitty_" + "cd".repeat(32);

    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final ApiKeyRepository repository = new ApiKeyRepository(null) {
        @Override
        Optional<ApiKey> findByHash(String keyHash) {
            lookups.incrementAndGet();
            return keyHash.equals(ApiKeys.sha256(REAL))
                    ? Optional.of(new ApiKey(UUID.randomUUID(), REAL.substring(0, 15), "real", ApiKey.ACTIVE,
                            List.of("*"), null, null, Instant.now(), null))
                    : Optional.empty();
        }

        @Override
        void markUsed(UUID id, Instant at) {
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

    @Test
    void aKeySeenValidIsRecognisedPastItsRecordCacheAndAGuessIsNeverLookedUp() {
        assertThat(keys.check(REAL).outcome()).isEqualTo(ApiKeys.Outcome.VALID);
        // past the 5 s record cache: before, a spent address refused the real client here
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());

        assertThat(keys.checkKnown(REAL)).map(ApiKeys.Verdict::outcome).contains(ApiKeys.Outcome.VALID);
        assertThat(keys.checkKnown(UNKNOWN)).isEmpty();
        assertThat(lookups).hasValue(2);
    }

    @Test
    void aKeyUnusedForLongerThanTheKnownKeyTtlIsForgotten() {
        keys.check(REAL);
        nanos.addAndGet(Duration.ofMinutes(11).toNanos());

        assertThat(keys.checkKnown(REAL)).isEmpty();
    }
}
