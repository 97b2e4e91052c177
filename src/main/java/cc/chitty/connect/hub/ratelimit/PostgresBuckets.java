package cc.chitty.connect.hub.ratelimit;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * Buckets in PostgreSQL ({@code rate_limit_buckets}), so every hub instance on the same database enforces one
 * limit. Each consumption is one short {@code SELECT … FOR UPDATE} transaction; rows expire once refilled.
 */
final class PostgresBuckets implements Buckets {

    private final Duration window;
    private final ProxyManager<String> buckets;

    PostgresBuckets(DataSource dataSource, Duration window, TimeMeter clock) {
        this.window = window;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(window))
                .clientClock(clock)
                .build();
    }

    @Override
    public ConsumptionProbe tryConsume(String bucketId, int limit) {
        return buckets.builder().build(bucketId + "/" + limit, () -> BucketConfiguration.builder().addLimit(BucketFactory.bandwidth(limit, window)).build())
                .tryConsumeAndReturnRemaining(1);
    }
}
