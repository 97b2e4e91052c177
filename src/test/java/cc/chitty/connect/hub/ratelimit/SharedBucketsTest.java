package cc.chitty.connect.hub.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two limiters on one PostgreSQL store, as two hub instances would be, enforce one limit between them. */
class SharedBucketsTest extends HubIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void twoInstancesOnOneStoreShareTheLimitExactly() throws Exception {
        // a clock that stands still: however long the 30 takes last, no token is refilled in between
        TestClock clock = new TestClock();
        Buckets first = new PostgresBuckets(dataSource, Duration.ofMinutes(1), clock);
        Buckets second = new PostgresBuckets(dataSource, Duration.ofMinutes(1), clock);
        String bucket = "api:key:" + UUID.randomUUID();
        List<CompletableFuture<Boolean>> takes = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 30; i++) {
                Buckets instance = i % 2 == 0 ? first : second;
                takes.add(CompletableFuture.supplyAsync(() -> instance.tryConsume(bucket, 10).isConsumed(), pool));
            }
            assertThat(takes.stream().map(CompletableFuture::join).filter(Boolean::booleanValue)).hasSize(10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(first.tryConsume(bucket, 10).getRemainingTokens()).isZero();
        assertThat(second.tryConsume("api:key:" + UUID.randomUUID(), 10).isConsumed()).isTrue();
    }
}
