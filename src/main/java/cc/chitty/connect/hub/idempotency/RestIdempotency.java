package cc.chitty.connect.hub.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Set;
import java.util.regex.Pattern;

import cc.chitty.connect.hub.rest.RestEdge;
import cc.chitty.connect.hub.security.Client;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.Refusal;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.StreamCache;
import org.apache.camel.support.http.HttpUtil;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} on REST POST, PUT and PATCH, the REST door's last policy step: only a request every other
 * policy let through may claim its key. Scoped per client (API key or access token subject); the fingerprint is the
 * method, path, query and body. The first request claims the key and runs; its answer (status, content type, body)
 * is stored when the route is done ({@link #complete}) and replayed identically, with
 * {@code Idempotent-Replayed: true}, for a day. The same key with another request is 422; a retry while the first
 * still runs is 409, however long it runs (its claim's lease is renewed meanwhile, {@link IdempotencyRecords}).
 * Answers given before the operation ran (400, 401, 403, 404, 409, 413, 415, 429, and 503 from an open breaker) are
 * not stored, so the client may simply retry them. The body is fingerprinted from Camel's stream cache, which the
 * REST routes keep it in anyway (spooled to a file past its threshold), never held whole a second time.
 */
@Component("restIdempotency")
class RestIdempotency implements Processor {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Set<Integer> NOT_RUN = Set.of(400, 401, 403, 404, 409, 413, 415, 429, 503);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");
    private static final String CLAIM = "hub.idempotencyClaim";

    private final IdempotencyRecords records;
    private final RestEdge edge;

    RestIdempotency(IdempotencyRecords records, RestEdge edge) {
        this.records = records;
        this.edge = edge;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String key = message.getHeader(HEADER, String.class);
        if (key == null || !WRITES.contains(message.getHeader(Exchange.HTTP_METHOD, String.class))) {
            return;
        }
        Client client = RestEdge.client(exchange);
        if (!VALID_KEY.matcher(key).matches() || client == null) {
            edge.refuse(exchange, Refusal.of(Problem.of(400, "invalid-idempotency-key", "Invalid Idempotency-Key",
                    "An Idempotency-Key is 1 to 255 visible ASCII characters, sent with an API key or access token")));
            return;
        }
        IdempotencyRecords.Outcome outcome = records.claim(client.id(), key, fingerprint(exchange));
        switch (outcome.claim()) {
            case MISMATCH -> edge.refuse(exchange, Refusal.of(Problem.of(422, "idempotency-key-reused",
                    "Idempotency-Key reused", "This Idempotency-Key was used for a different request")));
            case RUNNING -> edge.refuse(exchange, Refusal.of(Problem.of(409, "idempotency-key-in-use",
                    "Request in progress", "The first request with this Idempotency-Key is still running")));
            case COMPLETED -> replay(exchange, outcome.stored());
            case OWNED -> exchange.setProperty(CLAIM, outcome.lease());
        }
    }

    /**
     * Once the route is done and before its answer is written: stores the answer of a request that claimed its key,
     * or frees the key when the operation did not run. The answer's body is kept as bytes, so that the engine writes
     * what was stored.
     */
    void complete(Exchange exchange) {
        IdempotencyRecords.Lease claimed = exchange.getProperty(CLAIM, IdempotencyRecords.Lease.class);
        if (claimed == null) {
            return;
        }
        Message message = exchange.getMessage();
        byte[] body = message.getBody(byte[].class);
        message.setBody(body);
        int status = HttpUtil.determineResponseCode(exchange, body);
        if (NOT_RUN.contains(status)) {
            records.release(claimed);
        } else {
            records.complete(claimed, new IdempotencyRecords.Stored(status,
                    message.getHeader(Exchange.CONTENT_TYPE, String.class), body));
        }
    }

    private static void replay(Exchange exchange, IdempotencyRecords.Stored stored) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, stored.status());
        message.setHeader("Idempotent-Replayed", "true");
        if (stored.contentType() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, stored.contentType());
        }
        message.setBody(stored.body() == null ? new byte[0] : stored.body());
        exchange.setRouteStop(true);
    }

    private static String fingerprint(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String path = RestEdge.rawPath(exchange);
        String query = message.getHeader(Exchange.HTTP_QUERY, String.class);
        MessageDigest sha = DigestUtils.getSha256Digest();
        sha.update((message.getHeader(Exchange.HTTP_METHOD, String.class) + " " + path
                + (query == null || query.isEmpty() ? "" : "?" + query) + "\n").getBytes(StandardCharsets.UTF_8));
        Object body = message.getBody();
        if (body instanceof InputStream && !(body instanceof StreamCache)) {
            // read once here, and again by the route: only where a route was made without the stream cache
            body = exchange.getContext().getStreamCachingStrategy().cache(exchange);
            message.setBody(body);
        }
        if (body instanceof StreamCache cached) {
            try (OutputStream digesting = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
                cached.writeTo(digesting);
            } finally {
                cached.reset();
            }
        } else if (body != null) {
            try (InputStream in = message.getBody(InputStream.class)) {
                DigestUtils.updateDigest(sha, in);
            }
        }
        return Hex.encodeHexString(sha.digest());
    }
}
