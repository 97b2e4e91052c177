package cc.chitty.connect.hub.security;

import java.util.Optional;

import cc.chitty.connect.hub.ratelimit.FailureThrottle;
import cc.chitty.connect.hub.ratelimit.RateLimiter;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.Refusal;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The credential check of every key door, whichever engine carries the request: an API key from
 * {@code X-ChittyOS-API-Key} or {@code Authorization: Bearer}, or (with an issuer configured) an OAuth access token
 * ({@link BearerTokens}). A verdict names the client, or is the refusal to answer: missing or unknown keys 401,
 * inactive or expired ones 403, each naming the reason; the key itself never appears in an answer or a log line.
 * Each 401 counts against the client's address ({@link FailureThrottle}); an address that has spent its budget gets
 * 429 before any key is looked up in the database, unless its key is one this instance has seen valid lately.
 * MCP's servlet filter and the REST door's Camel step both call it; the public port's MCP tools/call asks
 * {@link #validOnly} and leaves every other request to MCP's servlet filter.
 */
@Component
public class Credentials {

    public static final String API_KEY_HEADER = "X-ChittyOS-API-Key";

    /** A client, or the refusal to answer instead. */
    public record Verdict(ClientAuthentication authentication, Refusal refusal) {

        static Verdict of(ClientAuthentication authentication) {
            return new Verdict(authentication, null);
        }

        static Verdict refused(Refusal refusal) {
            return new Verdict(null, refusal);
        }

        public Client client() {
            return authentication.client();
        }
    }

    private final ApiKeys apiKeys;
    private final FailureThrottle throttle;
    private final ProtectedResource resource;
    private final BearerTokens bearerTokens;

    Credentials(ApiKeys apiKeys, FailureThrottle throttle, ProtectedResource resource, BearerTokens bearerTokens) {
        this.apiKeys = apiKeys;
        this.throttle = throttle;
        this.resource = resource;
        this.bearerTokens = bearerTokens;
    }

    /**
     * The REST door's check of the request's headers: an access token when the bearer value is a JWT and an issuer
     * is configured, an API key otherwise.
     *
     * @param address the client's address bucket ({@link FailureThrottle#addressOf})
     */
    public Verdict check(String apiKeyHeader, String authorization, String address) {
        String token = resource.enabled() ? BearerTokens.jwtOnly(authorization) : null;
        return token != null ? bearerTokens.check(token, address, false)
                : checkApiKey(presentedKey(apiKeyHeader, authorization), address, false);
    }

    /**
     * The client a valid credential names (an access token, as {@link #check} takes it, or an API key), or empty,
     * having charged and answered nothing: for a door that hands every other request to one that refuses it
     * through {@link #check} or MCP's filter chain, so that a refused credential is charged there, once.
     *
     * @param address the client's address bucket ({@link FailureThrottle#addressOf})
     */
    public Optional<ClientAuthentication> validOnly(String apiKeyHeader, String authorization, String address) {
        String token = resource.enabled() ? BearerTokens.jwtOnly(authorization) : null;
        if (token != null) {
            return bearerTokens.validOnly(token, address);
        }
        ApiKeys.Verdict verdict = lookUp(presentedKey(apiKeyHeader, authorization),
                throttle.refusal(FailureThrottle.Failure.UNAUTHENTICATED, address).isPresent());
        return verdict != null && verdict.outcome() == ApiKeys.Outcome.VALID
                ? Optional.of(new ApiKeyAuthentication(verdict.key())) : Optional.empty();
    }

    /** The check of an API key (null when none was presented), for a request to MCP's resource or the REST door's. */
    Verdict checkApiKey(String presented, String address, boolean mcp) {
        Optional<RateLimiter.Decision> spent = throttle.refusal(FailureThrottle.Failure.UNAUTHENTICATED, address);
        ApiKeys.Verdict verdict = lookUp(presented, spent.isPresent());
        if (verdict == null) {
            return Verdict.refused(spent.get().refusal());
        }
        if (verdict.outcome() == ApiKeys.Outcome.MISSING || verdict.outcome() == ApiKeys.Outcome.UNKNOWN) {
            throttle.charge(FailureThrottle.Failure.UNAUTHENTICATED, address);
        }
        return switch (verdict.outcome()) {
            case VALID -> Verdict.of(new ApiKeyAuthentication(verdict.key()));
            case MISSING -> unauthenticated(mcp, "missing-api-key", "Missing API key",
                    "Send an API key in the X-ChittyOS-API-Key header or as Authorization: Bearer"
                            + (resource.enabled() ? ", or an access token from " + resource.issuer() : ""));
            case UNKNOWN -> unauthenticated(mcp, "invalid-api-key", "Invalid API key",
                    "The API key is not known to the hub");
            case INACTIVE -> Verdict.refused(Refusal.of(Problem.of(403, "inactive-api-key", "API key is inactive",
                    "The API key " + verdict.key().prefix() + "… has been " + verdict.key().status())));
            case EXPIRED -> Verdict.refused(Refusal.of(Problem.of(403, "expired-api-key", "API key has expired",
                    "The API key " + verdict.key().prefix() + "… expired at " + verdict.key().expiresAt())));
        };
    }

    /**
     * The key's verdict; from an address that has spent its budget of 401s, only a key this instance has seen valid
     * lately is looked at (no database query), and anything else is null.
     */
    private ApiKeys.Verdict lookUp(String presented, boolean addressSpent) {
        if (!addressSpent) {
            return apiKeys.check(presented);
        }
        ApiKeys.Verdict known = apiKeys.checkKnown(presented).orElse(null);
        return known != null && known.outcome() == ApiKeys.Outcome.VALID ? known : null;
    }

    /** 403 for a client without the scope an operation needs, naming it as the issuer grants it. */
    public Refusal insufficientScope(String required, boolean mcp) {
        return Refusal.of(Problem.of(403, "insufficient-scope", "Insufficient scope",
                        "This operation needs the scope " + required).with("requiredScope", required),
                HttpHeaders.WWW_AUTHENTICATE, resource.insufficientScope(mcp, required));
    }

    private Verdict unauthenticated(boolean mcp, String type, String title, String detail) {
        return Verdict.refused(Refusal.of(Problem.of(401, type, title, detail), HttpHeaders.WWW_AUTHENTICATE,
                resource.challenge(mcp)));
    }

    static String presentedKey(String apiKeyHeader, String authorization) {
        if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
            return apiKeyHeader.trim();
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }
}
