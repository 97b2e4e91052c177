package cc.chitty.connect.hub.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Issues and checks API keys: {@code chitty_} followed by 64 hex digits (32 random bytes). Lookups are by hash and
 * cached for {@code hub.api-keys.cache-ttl}, which bounds how long a revoked key keeps working on any instance; a
 * hash the database does not know is remembered for {@code hub.api-keys.unknown-key-ttl}, so a key sent again and
 * again costs one query, and forgotten when this instance issues a key with that hash. (Another instance's new key
 * cannot be among them: a key is 32 random bytes, unknown to anyone before it is issued.) A hash seen valid is
 * remembered for {@code hub.api-keys.known-key-ttl}, so a client whose address spent its failure budget is still
 * recognised ({@link #checkKnown}).
 */
@Service
public class ApiKeys {

    private static final Pattern FORMAT = Pattern.compile("chitty_[0-9a-f]{64}");
    private static final int PREFIX_LENGTH = "chitty_".length() + 8;

    private final ApiKeyRepository repository;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final Cache<String, ApiKey> byHash;
    private final Cache<String, Boolean> unknownHashes;
    private final Cache<String, Boolean> knownHashes;
    private final LastUse lastUse;

    @Autowired
    ApiKeys(ApiKeyRepository repository, LastUse lastUse, @Value("${hub.api-keys.cache-ttl:5s}") Duration cacheTtl,
            @Value("${hub.api-keys.unknown-key-ttl:1m}") Duration unknownKeyTtl,
            @Value("${hub.api-keys.known-key-ttl:10m}") Duration knownKeyTtl) {
        this(repository, lastUse, cacheTtl, unknownKeyTtl, knownKeyTtl, Ticker.systemTicker());
    }

    ApiKeys(ApiKeyRepository repository, LastUse lastUse, Duration cacheTtl, Duration unknownKeyTtl,
            Duration knownKeyTtl, Ticker ticker) {
        this.repository = repository;
        this.lastUse = lastUse;
        this.byHash = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(100_000).ticker(ticker)
                .executor(Runnable::run).build();
        this.unknownHashes = Caffeine.newBuilder().expireAfterWrite(unknownKeyTtl).maximumSize(100_000)
                .ticker(ticker).executor(Runnable::run).build();
        this.knownHashes = Caffeine.newBuilder().expireAfterWrite(knownKeyTtl).maximumSize(100_000)
                .ticker(ticker).executor(Runnable::run).build();
    }

    /**
     * A new key; its secret part is in {@link Issued#key()} and nowhere else. It gets exactly the scopes asked
     * for: none asked, none granted ({@code *} must be asked for by name).
     */
    public Issued issue(String name, List<String> scopes, Integer rateLimit, Instant expiresAt) {
        List<String> granted = scopes == null ? List.of() : scopes;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = "chitty_" + HexFormat.of().formatHex(secret);
        ApiKey record = new ApiKey(UUID.randomUUID(), key.substring(0, PREFIX_LENGTH), name, ApiKey.ACTIVE,
                List.copyOf(granted), rateLimit, expiresAt, clock.instant(), null);
        String hash = sha256(key);
        repository.insert(record, hash);
        unknownHashes.invalidate(hash);
        return new Issued(record, key);
    }

    public Verdict check(String presented) {
        if (presented == null || presented.isBlank()) {
            return new Verdict(Outcome.MISSING, null);
        }
        if (!FORMAT.matcher(presented).matches()) {
            return new Verdict(Outcome.UNKNOWN, null);
        }
        return checkHash(sha256(presented));
    }

    private Verdict checkHash(String hash) {
        if (unknownHashes.getIfPresent(hash) != null) {
            return new Verdict(Outcome.UNKNOWN, null);
        }
        ApiKey key = byHash.get(hash, h -> repository.findByHash(h).orElse(null));
        if (key == null) {
            unknownHashes.put(hash, Boolean.TRUE);
            return new Verdict(Outcome.UNKNOWN, null);
        }
        Verdict verdict = verdict(key);
        if (verdict.outcome() == Outcome.VALID) {
            knownHashes.put(hash, Boolean.TRUE);
        }
        return verdict;
    }

    /**
     * The full verdict on a key this instance has seen valid within {@code known-key-ttl} (a revocation since is
     * found as usual); empty, without asking the database, for any other key. Only a key's holder can present a
     * known hash, so an address flooded with guesses costs no query while its real clients keep working.
     */
    public Optional<Verdict> checkKnown(String presented) {
        if (presented == null || !FORMAT.matcher(presented).matches()) {
            return Optional.empty();
        }
        String hash = sha256(presented);
        return knownHashes.getIfPresent(hash) == null ? Optional.empty() : Optional.of(checkHash(hash));
    }

    private Verdict verdict(ApiKey key) {
        if (!ApiKey.ACTIVE.equals(key.status())) {
            return new Verdict(Outcome.INACTIVE, key);
        }
        if (key.isExpired(clock.instant())) {
            return new Verdict(Outcome.EXPIRED, key);
        }
        lastUse.touch(key.id());
        return new Verdict(Outcome.VALID, key);
    }

    public List<ApiKey> list() {
        return repository.findAll();
    }

    public boolean revoke(UUID id) {
        boolean revoked = repository.revoke(id);
        byHash.invalidateAll();
        return revoked;
    }

    /** A new key with the old one's name, scopes, limit and expiry; the old one is revoked at once. */
    public Optional<Issued> rotate(UUID id) {
        return repository.findById(id).filter(old -> ApiKey.ACTIVE.equals(old.status())).map(old -> {
            Issued fresh = issue(old.name(), old.scopes(), old.rateLimit(), old.expiresAt());
            revoke(id);
            return fresh;
        });
    }

    static String sha256(String key) {
        return DigestUtils.sha256Hex(key.getBytes(StandardCharsets.US_ASCII));
    }

    public record Issued(ApiKey record, String key) {
    }

    public enum Outcome { MISSING, UNKNOWN, INACTIVE, EXPIRED, VALID }

    public record Verdict(Outcome outcome, ApiKey key) {
    }
}
