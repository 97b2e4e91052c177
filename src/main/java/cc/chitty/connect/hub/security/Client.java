package cc.chitty.connect.hub.security;

import java.util.List;
import java.util.UUID;

/**
 * Who an authenticated request comes from, whichever credential it presented: an API key or an OAuth access token.
 * Rate limits, scope checks, audit rows, idempotency records and SSE stream caps see only this.
 *
 * @param id a stable id for tables keyed by UUID: the key's id, or a name-based UUID of the token's issuer and
 *     subject
 * @param name how audit rows and rate-limit buckets name the client: {@code key:<id>} or {@code oauth:<subject>}
 * @param scopes the hub's scopes the client holds (an access token's already mapped from the issuer's)
 * @param rateLimit the client's own requests per window, replacing its tier's; null for the tier's
 */
public record Client(UUID id, String name, List<String> scopes, Integer rateLimit) {
}
