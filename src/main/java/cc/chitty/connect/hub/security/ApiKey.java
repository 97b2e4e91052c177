package cc.chitty.connect.hub.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API key's stored record; the key itself is never kept, only its hash. */
public record ApiKey(UUID id, String prefix, String name, String status, List<String> scopes, Integer rateLimit,
        Instant expiresAt, Instant createdAt, Instant lastUsedAt) {

    public static final String ACTIVE = "active";

    boolean isExpired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
