package cc.chitty.connect.hub.github.door;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cc.chitty.connect.hub.github.GitHubHeaders;
import cc.chitty.connect.hub.github.GitHubProperties;
import cc.chitty.connect.hub.github.events.GitHubDelivery;
import cc.chitty.connect.hub.github.events.GitHubEventQueue;
import cc.chitty.connect.hub.web.BodyTooLargeException;
import cc.chitty.connect.hub.web.BufferedBodyRequest;
import cc.chitty.connect.hub.web.HttpLimitsProperties;
import cc.chitty.connect.hub.web.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /integrations/github/webhook}. Contract: the three GitHub headers are required (400); the signature
 * over the raw bytes is checked before anything else looks at the delivery (401), and an unsigned delivery never
 * costs more heap than {@code hub.http.spool-threshold}: a header that cannot match is refused before the body is
 * read, a body is spooled ({@link BufferedBodyRequest}) and signed as a stream, and only a signed body is read whole;
 * a body past GitHub's 25 MB cap is 413 as soon as it is announced or read; the body must be a JSON object
 * (400); the delivery is answered 202 only once Kafka acknowledged it, and 503 when the broker did not, so GitHub
 * records a failure the reconciler later asks to redeliver. Duplicates are accepted here and absorbed by the
 * consumer. Event types the hub has no automation for are queued like any other.
 */
@RestController
class WebhookIntakeController {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntakeController.class);

    private final WebhookSignature signature;
    private final GitHubEventQueue queue;
    private final ObjectMapper mapper;
    private final HttpLimitsProperties limits;

    WebhookIntakeController(GitHubProperties properties, GitHubEventQueue queue, ObjectMapper mapper,
            HttpLimitsProperties limits) {
        this.signature = new WebhookSignature(properties.webhookSecret(), properties.webhookSecretPrevious());
        this.queue = queue;
        this.mapper = mapper;
        this.limits = limits;
        if (!signature.configured()) {
            log.warn("no GitHub webhook secret is configured (GITHUB_WEBHOOK_SECRET): every delivery is refused");
        }
    }

    @PostMapping("/integrations/github/webhook")
    ResponseEntity<Object> receive(HttpServletRequest request) throws IOException {
        long receivedAt = System.currentTimeMillis();
        String deliveryId = request.getHeader(GitHubHeaders.DELIVERY);
        String event = request.getHeader(GitHubHeaders.EVENT);
        String signatureHeader = request.getHeader(GitHubHeaders.SIGNATURE);
        List<String> missing = new ArrayList<>();
        if (deliveryId == null) {
            missing.add(GitHubHeaders.DELIVERY);
        }
        if (event == null) {
            missing.add(GitHubHeaders.EVENT);
        }
        if (signatureHeader == null) {
            missing.add(GitHubHeaders.SIGNATURE);
        }
        if (!missing.isEmpty()) {
            return Problem.of(400, "missing-github-headers", "Bad Request",
                    "A GitHub delivery needs the headers " + String.join(", ", missing)).with("missing", missing)
                    .toResponse();
        }
        if (!GitHubHeaders.isDeliveryId(deliveryId) || !GitHubHeaders.isEventName(event)) {
            return Problem.of(400, "invalid-github-headers", "Bad Request",
                    "X-GitHub-Delivery or X-GitHub-Event is not in GitHub's format").toResponse();
        }
        if (!signature.couldMatch(signatureHeader)) {
            return invalidSignature();
        }
        byte[] body;
        BufferedBodyRequest spooled;
        try {
            spooled = BufferedBodyRequest.of(request, limits);
        } catch (BodyTooLargeException tooLarge) {
            return tooLarge.problem().toResponse();
        }
        try (InputStream signed = spooled.body().open()) {
            if (!signature.matches(signatureHeader, signed)) {
                return invalidSignature();
            }
            body = spooled.body().bytes();
        } finally {
            spooled.release();
        }
        JsonNode payload;
        try {
            payload = mapper.readTree(body);
        } catch (IOException notJson) {
            payload = null;
        }
        if (payload == null || !payload.isObject()) {
            return Problem.of(400, "invalid-json", "Bad Request", "The delivery is not a JSON object").toResponse();
        }
        GitHubDelivery delivery = new GitHubDelivery(deliveryId, event, GitHubDelivery.keyOf(payload, deliveryId),
                body, receivedAt, null);
        try {
            queue.publish(delivery);
        } catch (Exception notAcknowledged) {
            log.warn("GitHub delivery {} ({}) not acknowledged by Kafka: {}", deliveryId, event,
                    notAcknowledged.getClass().getSimpleName());
            return ResponseEntity.status(503).header("Retry-After", "60")
                    .contentType(MediaType.valueOf(Problem.MEDIA_TYPE))
                    .body(Problem.of(503, "queue-unavailable", "Service Unavailable",
                            "The delivery could not be queued; it was not accepted").fields());
        }
        return ResponseEntity.accepted().body(Map.of("delivery", deliveryId, "event", event, "status", "queued"));
    }

    private static ResponseEntity<Object> invalidSignature() {
        return Problem.of(401, "invalid-signature", "Unauthorized", "X-Hub-Signature-256 does not match the body")
                .toResponse();
    }
}
