package cc.chitty.connect.hub.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The rate limiter's clock in tests. It stands still unless a test moves it, so a test of a limit sees the same
 * answer however slow the machine is; {@link HubIntegrationTest} moves it a day on before each test, which refills
 * every bucket.
 */
public final class TestClock implements TimeMeter {

    public static final TestClock INSTANCE = new TestClock();

    private final AtomicLong nanos = new AtomicLong(System.currentTimeMillis() * 1_000_000L);

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** Hands the clock to the hub's rate limiter. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        TimeMeter rateLimitClock() {
            return INSTANCE;
        }
    }
}
