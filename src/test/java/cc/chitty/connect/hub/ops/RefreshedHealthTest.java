package cc.chitty.connect.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The public /health and readiness read dependency health from memory: a call never runs the check. */
class RefreshedHealthTest {

    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void aThousandHealthCallsRunTheDatabaseCheckNotOnce() {
        RefreshedHealth db = new RefreshedHealth(() -> {
            checks.incrementAndGet();
            return Health.up().build();
        }, Duration.ofSeconds(30), Clock.systemUTC());
        db.refresh();

        for (int call = 0; call < 1000; call++) {
            assertThat(db.health().getStatus()).isEqualTo(Status.UP);
        }

        assertThat(checks).hasValue(1);
    }

    @Test
    void healthAnswersWhileTheDatabaseCheckIsBlocked() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RefreshedHealth db = new RefreshedHealth(() -> {
            if (checks.incrementAndGet() > 1) {
                await(release);
            }
            return Health.up().build();
        }, Duration.ofSeconds(30), Clock.systemUTC());
        db.refresh();
        Thread blocked = new Thread(db::refresh);
        blocked.start();

        try {
            for (int call = 0; call < 100; call++) {
                assertThat(db.health().getStatus()).isEqualTo(Status.UP);
            }
            assertThat(blocked.isAlive()).isTrue();
        } finally {
            release.countDown();
            blocked.join();
        }
    }

    @Test
    void beforeTheFirstCheckAndWhenTheLastIsStaleItIsDown() {
        Instant start = Instant.parse("2026-12-06T00:00:00Z");
        MutableClock clock = new MutableClock(start);
        RefreshedHealth db = new RefreshedHealth(() -> Health.up().build(), Duration.ofSeconds(30), clock);

        assertThat(db.health().getStatus()).isEqualTo(Status.DOWN);
        db.refresh();
        assertThat(db.health().getStatus()).isEqualTo(Status.UP);
        assertThat(db.health().getDetails()).containsEntry("checkedAt", start.toString());
        clock.now = start.plusSeconds(31);
        assertThat(db.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(db.health().getDetails()).containsEntry("reason", "stale");
    }

    @Test
    void aCheckThatThrowsIsDown() {
        RefreshedHealth kafka = new RefreshedHealth(() -> {
            throw new IllegalStateException("broker gone");
        }, Duration.ofSeconds(30), Clock.systemUTC());

        assertThat(kafka.refresh()).isFalse();
        assertThat(kafka.health().getStatus()).isEqualTo(Status.DOWN);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
