package cc.chitty.connect.hub.github.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * Installation access tokens, fetched with the App JWT and reused until less than a minute of their hour is left.
 * Kept in memory only: a restarted instance fetches a new one, which GitHub allows freely. One fetch per
 * installation at a time: deliveries of an installation's repositories run in parallel, and without it each worker
 * that found no token would sign a JWT and fetch one of its own (a start or an expiry under load cost up to one
 * fetch per worker).
 */
@Component
public class InstallationTokens {

    static final Duration REFRESH_BEFORE = Duration.ofMinutes(1);

    private record Token(String value, Instant expiresAt) {
    }

    private final Map<Long, Token> tokens = new ConcurrentHashMap<>();
    private final Map<Long, Object> fetching = new ConcurrentHashMap<>();
    private final GitHubClient github;
    private final GitHubAppJwt appJwt;
    private final Clock clock = Clock.systemUTC();

    InstallationTokens(GitHubClient github, GitHubAppJwt appJwt) {
        this.github = github;
        this.appJwt = appJwt;
    }

    /** {@code Bearer <installation token>} for calls on the installation's repositories. */
    public String authorization(long installationId) throws Exception {
        Token token = tokens.get(installationId);
        if (!usable(token)) {
            synchronized (fetching.computeIfAbsent(installationId, id -> new Object())) {
                token = tokens.get(installationId);
                if (!usable(token)) {
                    token = fetch(installationId);
                    tokens.put(installationId, token);
                }
            }
        }
        return "Bearer " + token.value();
    }

    private boolean usable(Token token) {
        return token != null && !token.expiresAt().minus(REFRESH_BEFORE).isBefore(clock.instant());
    }

    private Token fetch(long installationId) throws Exception {
        JsonNode answer = github.call("github.installations.token", appJwt.authorization(),
                Map.of("installationId", installationId), null);
        String value = answer.path("token").asText("");
        if (value.isEmpty()) {
            throw new IllegalStateException("GitHub answered no token for installation " + installationId);
        }
        return new Token(value, Instant.parse(answer.path("expires_at").asText()));
    }
}
