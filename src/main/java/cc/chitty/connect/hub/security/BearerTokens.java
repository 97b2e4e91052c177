package cc.chitty.connect.hub.security;

import java.io.IOException;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cc.chitty.connect.hub.ratelimit.FailureThrottle;
import cc.chitty.connect.hub.ratelimit.RateLimiter;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.ProblemWriter;
import cc.chitty.connect.hub.web.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

/**
 * OAuth 2.1 access tokens: on MCP's chain through Spring Security's resource server, at the REST door through
 * {@link Credentials} (the same provider and checks); nothing while no issuer is configured.
 *
 * <p>Guarantees: a token is accepted only when it is a JWT signed with a key from {@code hub.oauth.jwk-set-uri},
 * issued by {@code hub.oauth.issuer}, for one of the hub's audiences ({@link ProtectedResource#audiences()}),
 * unexpired, with an expiry and a subject; its scopes count only as mapped to the hub's. A bearer value that is not
 * a JWT (an API key) is left to the API-key filter. A refused token is 401 {@code invalid_token} naming the metadata
 * URL, counted against the client's address like an unknown API key; an address that has spent that budget gets 429
 * before its token is checked (an unknown key id would make the hub fetch the issuer's keys again). Keys that cannot
 * be fetched make 503, never a pass.
 */
@Component
final class BearerTokens {

    private static final Logger LOG = LoggerFactory.getLogger(BearerTokens.class);
    // a JWS in compact form; API keys (chitty_<hex>) have no dot
    private static final Pattern JWS = Pattern.compile(
            "^Bearer +([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+) *$", Pattern.CASE_INSENSITIVE);
    private static final String DECODE_PREFIX = "An error occurred while attempting to decode the Jwt: ";
    private static final int KEYS_RETRY_AFTER = 5;

    private final ProtectedResource resource;
    private final FailureThrottle throttle;
    private final ProblemWriter problems;
    private final JwtAuthenticationProvider tokens;

    BearerTokens(ProtectedResource resource, FailureThrottle throttle, ProblemWriter problems) {
        this.resource = resource;
        this.throttle = throttle;
        this.problems = problems;
        this.tokens = resource.enabled() ? provider() : null;
    }

    /** Adds the resource server to the chain when an issuer is configured. */
    void applyTo(HttpSecurity http) throws Exception {
        if (!resource.enabled()) {
            return;
        }
        AuthenticationManager checked = tokens::authenticate;
        AuthenticationManager spent = token -> {
            throw new AddressSpent();
        };
        http.oauth2ResourceServer(server -> server
                .bearerTokenResolver(request -> jwtOnly(request.getHeader(HttpHeaders.AUTHORIZATION)))
                .authenticationManagerResolver(request -> throttle.refusal(
                        FailureThrottle.Failure.UNAUTHENTICATED, request).isPresent() ? spent : checked)
                .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                    @Override
                    public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(BearerTokens.this::refuse);
                        return filter;
                    }
                }));
    }

    /**
     * Checks an access token for a door outside Spring Security's chain (the REST door's Camel routes): the client it
     * names, or the refusal, as {@link #applyTo} answers it. The address bucket is charged for a refused token.
     */
    Credentials.Verdict check(String token, String address, boolean mcp) {
        if (throttle.refusal(FailureThrottle.Failure.UNAUTHENTICATED, address).isPresent()) {
            return Credentials.Verdict.refused(refusal(new AddressSpent(), address, mcp));
        }
        try {
            return Credentials.Verdict.of(authenticate(token));
        } catch (AuthenticationException failure) {
            return Credentials.Verdict.refused(refusal(failure, address, mcp));
        }
    }

    /**
     * The client a valid token names, or empty (a refused token, keys that cannot be fetched, a spent address),
     * charged nothing: {@link Credentials#validOnly}.
     */
    Optional<ClientAuthentication> validOnly(String token, String address) {
        if (throttle.refusal(FailureThrottle.Failure.UNAUTHENTICATED, address).isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(authenticate(token));
        } catch (AuthenticationException failure) {
            return Optional.empty();
        }
    }

    private ClientAuthentication authenticate(String token) {
        return (ClientAuthentication) tokens.authenticate(new BearerTokenAuthenticationToken(token));
    }

    private JwtAuthenticationProvider provider() {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder(resource.properties()));
        JwtAuthenticationConverter standard = new JwtAuthenticationConverter();
        standard.setJwtGrantedAuthoritiesConverter(resource.tokenScopes());
        standard.setPrincipalClaimName(resource.properties().principalClaim());
        provider.setJwtAuthenticationConverter(jwt -> new AccessTokenAuthentication(
                (JwtAuthenticationToken) standard.convert(jwt)));
        return provider;
    }

    private NimbusJwtDecoder decoder(OAuthProperties properties) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(properties.jwksTimeout());
        timeouts.setReadTimeout(properties.jwksTimeout());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .restOperations(new RestTemplate(timeouts))
                // RFC 9068 access tokens say typ at+jwt, which Nimbus's own check refuses; JwtTypeValidator checks it
                .validateType(false)
                .build();
        Set<String> audiences = resource.audiences();
        JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
        type.setAllowEmpty(true);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                type,
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.stream()
                        .map(a -> a.replaceAll("/+$", "")).anyMatch(audiences::contains)),
                // JwtTimestampValidator lets a token without exp live for ever
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(properties.principalClaim(), Objects::nonNull)));
        return decoder;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        problems.write(response, refusal(failure, throttle.addressOf(request), ProtectedResource.isMcp(request)));
    }

    /** The answer to a refused token: 429 for a spent address, 503 without the issuer's keys, else 401 (charged). */
    private Refusal refusal(AuthenticationException failure, String address, boolean mcp) {
        if (failure instanceof AddressSpent) {
            Optional<RateLimiter.Decision> spent = throttle.refusal(FailureThrottle.Failure.UNAUTHENTICATED, address);
            if (spent.isPresent()) {
                return spent.get().refusal();
            }
        }
        if (failure instanceof AuthenticationServiceException) {
            LOG.warn("The authorization server's signing keys could not be fetched: {}", failure.getMessage());
            return Refusal.of(Problem.of(503, "token-keys-unavailable", "Token keys unavailable",
                    "The hub could not fetch the authorization server's signing keys; try again shortly")
                    .with("retryAfter", KEYS_RETRY_AFTER), HttpHeaders.RETRY_AFTER, String.valueOf(KEYS_RETRY_AFTER));
        }
        throttle.charge(FailureThrottle.Failure.UNAUTHENTICATED, address);
        String reason = failure instanceof AddressSpent || failure.getMessage() == null ? "The access token is invalid"
                : failure.getMessage().replace(DECODE_PREFIX, "");
        return Refusal.of(Problem.of(401, "invalid-token", "Invalid access token", reason),
                HttpHeaders.WWW_AUTHENTICATE, resource.invalidToken(mcp, reason));
    }

    /** The compact JWS of an {@code Authorization: Bearer} value, or null for anything else (an API key). */
    static String jwtOnly(String authorization) {
        Matcher jws = authorization == null ? null : JWS.matcher(authorization);
        return jws != null && jws.matches() ? jws.group(1) : null;
    }

    /** The address has spent its budget of 401s; the token is not looked at. */
    private static final class AddressSpent extends AuthenticationException {
        AddressSpent() {
            super("The client's address has spent its budget of refused credentials");
        }
    }
}
