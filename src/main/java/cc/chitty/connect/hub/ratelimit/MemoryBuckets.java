package cc.chitty.connect.hub.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

/** Buckets in this instance's memory: the single-instance default. Idle buckets are dropped after two windows. */
final class MemoryBuckets implements Buckets {

    private final Duration window;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    MemoryBuckets(Duration window, TimeMeter clock) {
        this.window = window;
        this.clock = clock;
        // maintenance on the calling thread: a hand-off to the common pool on every read costs more than it saves
        this.buckets = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(1_000_000)
                .executor(Runnable::run).build();
    }

    @Override
    public ConsumptionProbe tryConsume(String bucketId, int limit) {
        return bucket(bucketId, limit).tryConsumeAndReturnRemaining(1);
    }

    /** Whether a token could be taken now, without taking it. */
    EstimationProbe estimate(String bucketId, int limit) {
        return bucket(bucketId, limit).estimateAbilityToConsume(1);
    }

    private Bucket bucket(String bucketId, int limit) {
        return buckets.get(bucketId + "/" + limit, id -> Bucket.builder().withCustomTimePrecision(clock)
                .addLimit(BucketFactory.bandwidth(limit, window)).build());
    }
}
