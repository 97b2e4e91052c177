package cc.chitty.connect.hub.github.automation;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * The entity a GitHub event is recorded under in ChittyChronicle: the installation's ChittyID once it is registered,
 * GitHub's installation id before. Looked up once per installation instead of once per delivery (a PostgreSQL round
 * trip per push was 6.8 % of the consumer's CPU, issue 13): a registered ChittyID never changes, so it is kept; that an
 * installation is not registered is kept for {@link #UNREGISTERED_FOR}, and forgotten at once when this instance
 * registers it, so only a registration by another instance can go unseen here, for at most that long.
 */
@Component
class InstallationEntities {

    static final Duration UNREGISTERED_FOR = Duration.ofSeconds(5);
    private static final int MOST_INSTALLATIONS = 100_000;

    private final Installations installations;
    private final Cache<Long, String> registered = Caffeine.newBuilder().maximumSize(MOST_INSTALLATIONS).build();
    private final Cache<Long, Boolean> unregistered = Caffeine.newBuilder().maximumSize(MOST_INSTALLATIONS)
            .expireAfterWrite(UNREGISTERED_FOR).build();

    InstallationEntities(Installations installations) {
        this.installations = installations;
    }

    String entityOf(long installationId) {
        String chittyId = registered.getIfPresent(installationId);
        if (chittyId == null && unregistered.getIfPresent(installationId) == null) {
            chittyId = installations.chittyIdOf(installationId).orElse(null);
            if (chittyId != null) {
                registered.put(installationId, chittyId);
            } else {
                unregistered.put(installationId, Boolean.TRUE);
            }
        }
        return chittyId != null ? chittyId : "github-installation:" + installationId;
    }

    /** The installation was registered by this instance: its next event is recorded under its ChittyID. */
    void registered(long installationId) {
        unregistered.invalidate(installationId);
    }
}
