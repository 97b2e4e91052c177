package cc.chitty.connect.hub.ratelimit;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;

/** A bucket of {@code limit} tokens refilled smoothly over the window: bursts up to the limit, never beyond. */
final class BucketFactory {

    private BucketFactory() {
    }

    static Bandwidth bandwidth(int limit, Duration window) {
        return Bandwidth.builder().capacity(limit).refillGreedy(limit, window).build();
    }
}
