package cc.chitty.connect.hub.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/** Where token buckets live: one per tier and client, created on first use with the given per-window limit. */
interface Buckets {

    ConsumptionProbe tryConsume(String bucketId, int limit);
}
