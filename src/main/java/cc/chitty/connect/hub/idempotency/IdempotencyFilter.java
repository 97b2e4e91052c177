package cc.chitty.connect.hub.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import cc.chitty.connect.hub.security.ClientAuthentication;
import cc.chitty.connect.hub.web.BodyTooLargeException;
import cc.chitty.connect.hub.web.BufferedBodyRequest;
import cc.chitty.connect.hub.web.FilterOrder;
import cc.chitty.connect.hub.web.HttpLimitsProperties;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * {@code Idempotency-Key} on REST POST, PUT and PATCH. Scoped per client (API key or access token subject); the fingerprint is the method, path,
 * query and body. The first request claims the key and runs; its response (status, content type, body) is stored
 * and replayed identically, with {@code Idempotent-Replayed: true}, for a day. The same key with another request
 * is 422; a retry while the first still runs is 409, however long it runs: its claim is renewed meanwhile, and
 * only a claim nobody renewed (a crashed instance) is taken over, under a new fencing token, so the old owner's
 * late completion is discarded. Answers given before the operation ran (400, 401, 403, 404,
 * 409, 413, 415, 429, and 503 from an open breaker) are not stored, so the client may simply retry them. The body
 * is fingerprinted as it streams by, from the spool the body limit made or one made here, never held whole.
 */
@Component
@Order(FilterOrder.IDEMPOTENCY)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Set<Integer> NOT_RUN = Set.of(400, 401, 403, 404, 409, 413, 415, 429, 503);
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

    private final IdempotencyRecords records;
    private final ProblemWriter problems;
    private final HttpLimitsProperties limits;

    IdempotencyFilter(IdempotencyRecords records, ProblemWriter problems, HttpLimitsProperties limits) {
        this.records = records;
        this.problems = problems;
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null || !request.getRequestURI().startsWith("/api/")
                || !("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method));
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        // the REST answer is written on an async dispatch; that is when it can be stored
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAsyncDispatch(request)) {
            chain.doFilter(request, response);
            finishUnlessAsync(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()
                || !(request.getUserPrincipal() instanceof ClientAuthentication caller)) {
            problems.write(response, Problem.of(400, "invalid-idempotency-key", "Invalid Idempotency-Key",
                    "An Idempotency-Key is 1 to 255 visible ASCII characters, sent with an API key or access token"));
            return;
        }
        BufferedBodyRequest body;
        try {
            body = BufferedBodyRequest.of(request, limits);
        } catch (BodyTooLargeException tooLarge) {
            problems.write(response, tooLarge.problem());
            return;
        }
        try {
            claimAndRun(body, response, chain, caller.client().id(), key);
        } finally {
            body.release();
        }
    }

    private void claimAndRun(BufferedBodyRequest request, HttpServletResponse response, FilterChain chain, UUID owner,
            String key) throws ServletException, IOException {
        IdempotencyRecords.Outcome outcome = records.claim(owner, key, fingerprint(request));
        switch (outcome.claim()) {
            case MISMATCH -> problems.write(response, Problem.of(422, "idempotency-key-reused",
                    "Idempotency-Key reused", "This Idempotency-Key was used for a different request"));
            case RUNNING -> problems.write(response, Problem.of(409, "idempotency-key-in-use",
                    "Request in progress", "The first request with this Idempotency-Key is still running"));
            case COMPLETED -> replay(response, outcome.stored());
            case OWNED -> {
                request.setAttribute(CLAIM, outcome.lease());
                ContentCachingResponseWrapper recording = new ContentCachingResponseWrapper(response);
                try {
                    chain.doFilter(request, recording);
                } catch (IOException | ServletException | RuntimeException e) {
                    records.release(outcome.lease());
                    throw e;
                }
                finishUnlessAsync(request, recording);
            }
        }
    }

    private void finishUnlessAsync(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (isAsyncStarted(request)) {
            return;
        }
        ContentCachingResponseWrapper recording = WebUtils.getNativeResponse(response,
                ContentCachingResponseWrapper.class);
        IdempotencyRecords.Lease claimed = (IdempotencyRecords.Lease) request.getAttribute(CLAIM);
        if (recording == null || claimed == null) {
            return;
        }
        int status = recording.getStatus();
        if (NOT_RUN.contains(status)) {
            records.release(claimed);
        } else {
            records.complete(claimed, new IdempotencyRecords.Stored(status, recording.getContentType(),
                    recording.getContentAsByteArray()));
        }
        recording.copyBodyToResponse();
    }

    private static void replay(HttpServletResponse response, IdempotencyRecords.Stored stored) throws IOException {
        response.setStatus(stored.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        byte[] body = stored.body() == null ? new byte[0] : stored.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String fingerprint(BufferedBodyRequest request) throws IOException {
        String query = request.getQueryString();
        MessageDigest sha = DigestUtils.getSha256Digest();
        sha.update((request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        try (InputStream body = request.body().open()) {
            return Hex.encodeHexString(DigestUtils.digest(sha, body));
        }
    }
}
