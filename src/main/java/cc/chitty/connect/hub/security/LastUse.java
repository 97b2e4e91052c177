package cc.chitty.connect.hub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Records when each key was last used, at most once a minute per key and off the request's thread: operators see
 * "last used" to the minute, and a busy key costs no database write per request.
 */
@Component
class LastUse implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LastUse.class);
    private static final Duration GRANULARITY = Duration.ofMinutes(1);

    private final ApiKeyRepository repository;
    private final Map<UUID, Instant> written = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "api-key-last-use"));
    private final Clock clock = Clock.systemUTC();

    LastUse(ApiKeyRepository repository) {
        this.repository = repository;
    }

    void touch(UUID keyId) {
        Instant now = clock.instant();
        Instant previous = written.get(keyId);
        if (previous != null && previous.plus(GRANULARITY).isAfter(now)) {
            return;
        }
        if (written.put(keyId, now) == previous) {
            writer.execute(() -> {
                try {
                    repository.markUsed(keyId, now);
                } catch (RuntimeException e) {
                    log.warn("could not record the last use of key {}", keyId, e);
                }
            });
        }
    }

    @Override
    public void destroy() {
        writer.shutdown();
    }
}
