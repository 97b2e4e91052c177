package cc.chitty.connect.hub.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * An OAuth authorization server as far as a resource server sees one: an RSA key generated for the test run, its
 * public half served as a JWK set on 127.0.0.1, and access tokens signed with it (or, for the forged ones, with
 * another key under the same key id).
 */
public final class TestIssuer {

    public static final String ISSUER = "https://auth.test.chitty.example";
    private static final String KEY_ID = "test-signing-key";
    private static final RSAKey KEY = generate();
    private static final RSAKey FORGER = generate();
    private static final HttpServer JWKS = serve();
    private static volatile int keysStatus = 200;

    private TestIssuer() {
    }

    public static String jwkSetUri() {
        return "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks";
    }

    /** A token as the issuer would mint it for {@code audience}, valid for five minutes, then changed by {@code edit}. */
    public static String token(String subject, String audience, String scope, UnaryOperator<JWTClaimsSet.Builder> edit) {
        return sign(KEY, KEY_ID, edit.apply(claims(subject, audience, scope)).build());
    }

    /** A token with the issuer's claims, signed with a key the issuer never published. */
    public static String forged(String subject, String audience, String scope) {
        return sign(FORGER, KEY_ID, claims(subject, audience, scope).build());
    }

    /** A token signed with a key the issuer has not published yet, as right after a key rotation. */
    public static String signedWithANewKey(String subject, String audience, String scope) {
        return sign(FORGER, "rotated-" + UUID.randomUUID(), claims(subject, audience, scope).build());
    }

    /** What the key set URL answers from now on: 200 with the keys, or this status with no body. */
    public static void keysAnswer(int status) {
        keysStatus = status;
    }

    private static JWTClaimsSet.Builder claims(String subject, String audience, String scope) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience(audience)
                .claim("client_id", "test-client").claim("scope", scope).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    private static String sign(RSAKey key, String keyId, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId)
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] keys = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                if (keysStatus != 200) {
                    exchange.sendResponseHeaders(keysStatus, -1);
                    exchange.close();
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, keys.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(keys);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
