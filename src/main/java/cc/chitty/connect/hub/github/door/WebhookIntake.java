package cc.chitty.connect.hub.github.door;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import cc.chitty.connect.hub.github.GitHubHeaders;
import cc.chitty.connect.hub.github.GitHubProperties;
import cc.chitty.connect.hub.github.events.GitHubDelivery;
import cc.chitty.connect.hub.github.events.GitHubEventQueue;
import cc.chitty.connect.hub.web.BodyTooLargeException;
import cc.chitty.connect.hub.web.EdgeRefusals;
import cc.chitty.connect.hub.web.HttpLimitsProperties;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.RequestIdFilter;
import cc.chitty.connect.hub.web.SpooledBody;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of {@link WebhookIntakeRoute}, on the exchange alone (its headers and body, never the engine's request):
 * {@link #verify} turns a delivery into its {@code github-events} record or answers the refusal and ends the route;
 * {@link #queued} and {@link #notQueued} answer once the broker did or did not acknowledge the record. Counts each
 * answer: {@code hub_github_webhooks_total{outcome="accepted"|"unavailable"}}, and each refusal as
 * {@code hub_edge_refusals_total{door="webhook"}} with its problem type as the policy.
 */
@Component
class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);
    // the request id, kept past the point where the message becomes the record, for a 503 answered after Kafka
    private static final String REQUEST_ID = "hub.github.requestId";

    private final WebhookSignature signature;
    private final ObjectMapper mapper;
    private final JsonFactory json;
    private final long limit;
    private final long spoolThreshold;
    private final EdgeRefusals refusals;
    private final Counter accepted;
    private final Counter unavailable;

    WebhookIntake(GitHubProperties properties, ObjectMapper mapper, HttpLimitsProperties limits,
            EdgeRefusals refusals, MeterRegistry meters) {
        this.signature = new WebhookSignature(properties.webhookSecret(), properties.webhookSecretPrevious());
        this.mapper = mapper;
        this.json = mapper.getFactory();
        this.limit = limits.limitFor(WebhookIntakeRoute.PATH);
        this.spoolThreshold = limits.spoolThreshold().toBytes();
        this.refusals = refusals;
        // registered now: an alert on unavailable needs the series to exist at 0
        this.accepted = webhooks(meters, "accepted");
        this.unavailable = webhooks(meters, "unavailable");
        if (!signature.configured()) {
            log.warn("no GitHub webhook secret is configured (GITHUB_WEBHOOK_SECRET): every delivery is refused");
        }
    }

    void verify(Exchange exchange) throws IOException {
        long receivedAt = System.currentTimeMillis();
        Message message = exchange.getMessage();
        String deliveryId = message.getHeader(GitHubHeaders.DELIVERY, String.class);
        String event = message.getHeader(GitHubHeaders.EVENT, String.class);
        String signatureHeader = message.getHeader(GitHubHeaders.SIGNATURE, String.class);
        String requestId = message.getHeader(RequestIdFilter.HEADER, String.class);
        exchange.setProperty(REQUEST_ID, requestId);
        if (deliveryId == null || event == null || signatureHeader == null) {
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
            refuse(exchange, Problem.of(400, "missing-github-headers", "Bad Request",
                    "A GitHub delivery needs the headers " + String.join(", ", missing)).with("missing", missing));
            return;
        }
        if (!GitHubHeaders.isDeliveryId(deliveryId) || !GitHubHeaders.isEventName(event)) {
            refuse(exchange, Problem.of(400, "invalid-github-headers", "Bad Request",
                    "X-GitHub-Delivery or X-GitHub-Event is not in GitHub's format"));
            return;
        }
        // announced past the cap: refused before any byte of it is read, whatever the signature header says
        if (contentLength(message) > limit) {
            refuse(exchange, new BodyTooLargeException(limit).problem());
            return;
        }
        if (!signature.couldMatch(signatureHeader)) {
            refuse(exchange, invalidSignature());
            return;
        }
        byte[] body;
        try {
            body = signedBody(message, signature.check(signatureHeader));
        } catch (BodyTooLargeException tooLarge) {
            refuse(exchange, tooLarge.problem());
            return;
        }
        if (body == null) {
            refuse(exchange, invalidSignature());
            return;
        }
        String key = DeliveryKey.of(json, body, deliveryId);
        if (key == null) {
            refuse(exchange, Problem.of(400, "invalid-json", "Bad Request", "The delivery is not a JSON object"));
            return;
        }
        GitHubEventQueue.write(message, new GitHubDelivery(deliveryId, event, key, body, receivedAt, null));
    }

    void queued(Exchange exchange) {
        Message message = exchange.getMessage();
        // both in GitHub's formats (GitHubHeaders): nothing to escape
        String answer = "{\"delivery\":\"" + message.getHeader(GitHubHeaders.DELIVERY) + "\",\"event\":\""
                + message.getHeader(GitHubHeaders.EVENT) + "\",\"status\":\"queued\"}";
        answer(message, 202, "application/json", answer.getBytes(StandardCharsets.US_ASCII));
        accepted.increment();
    }

    void notQueued(Exchange exchange) {
        Message message = exchange.getMessage();
        Exception notAcknowledged = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        log.warn("GitHub delivery {} ({}) not acknowledged by Kafka: {}", message.getHeader(GitHubHeaders.DELIVERY),
                message.getHeader(GitHubHeaders.EVENT),
                notAcknowledged == null ? null : notAcknowledged.getClass().getSimpleName());
        Problem problem = Problem.of(503, "queue-unavailable", "Service Unavailable",
                "The delivery could not be queued; it was not accepted");
        answer(message, problem.requestId(exchange.getProperty(REQUEST_ID, String.class)));
        message.setHeader("Retry-After", "60");
        unavailable.increment();
    }

    /**
     * The body, with every byte fed to the signature check as it is read; null when the signature does not match.
     * An unsigned body never costs more heap than the spool threshold: a body of unknown or larger size is spooled
     * and read whole only once signed.
     */
    private byte[] signedBody(Message message, WebhookSignature.Check check) throws IOException {
        if (message.getBody() instanceof StreamCache cached) {
            // the engine cached the body already (edge/SpoolingConsumer: bounded on the heap, spooled past the
            // threshold, at most one byte past the limit): signed from that copy, then read whole only if signed,
            // never spooled a second time
            if (cached.length() > limit) {
                throw new BodyTooLargeException(limit);
            }
            cached.reset();
            cached.writeTo(check.signing());
            if (!check.matches()) {
                return null;
            }
            ByteArrayOutputStream signed = new ByteArrayOutputStream((int) cached.length());
            cached.reset();
            cached.writeTo(signed);
            return signed.toByteArray();
        }
        if (message.getBody() instanceof byte[] read) {
            if (read.length > limit) {
                throw new BodyTooLargeException(limit);
            }
            check.update(read, 0, read.length);
            return check.matches() ? read : null;
        }
        long announced = contentLength(message);
        InputStream body = message.getBody(InputStream.class);
        if (body == null) {
            return check.matches() ? new byte[0] : null;
        }
        InputStream signed = check.reading(body);
        if (announced >= 0 && announced <= spoolThreshold) {
            byte[] read = signed.readNBytes((int) announced);
            return check.matches() ? read : null;
        }
        try (SpooledBody spooled = SpooledBody.read(signed, limit, spoolThreshold)) {
            return check.matches() ? spooled.bytes() : null;
        }
    }

    /** {@code Content-Length}, or -1 when the request did not announce a usable one. */
    private static long contentLength(Message message) {
        String announced = message.getHeader(Exchange.CONTENT_LENGTH, String.class);
        if (announced == null) {
            return -1;
        }
        try {
            return Long.parseLong(announced.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private void refuse(Exchange exchange, Problem problem) {
        refusals.refused(problem, "webhook");
        answer(exchange.getMessage(), problem.requestId(exchange.getProperty(REQUEST_ID, String.class)));
        exchange.setRouteStop(true);
    }

    private void answer(Message message, Problem problem) {
        answer(message, problem.status(), Problem.MEDIA_TYPE, problem.toJson(mapper));
    }

    private static void answer(Message message, int status, String contentType, byte[] body) {
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        // Vert.x's platform-http writes a ByteBuffer in one go with its length, but a byte[] as an InputStream
        // pumped through a stream of its own: half the event loop's samples of the door (issue 13)
        message.setBody(ByteBuffer.wrap(body));
    }

    private static Counter webhooks(MeterRegistry meters, String outcome) {
        return Counter.builder("hub.github.webhooks").tag("outcome", outcome)
                .description("Signed GitHub deliveries answered 202 (accepted) or 503 (broker did not acknowledge)")
                .register(meters);
    }

    private static Problem invalidSignature() {
        return Problem.of(401, "invalid-signature", "Unauthorized", "X-Hub-Signature-256 does not match the body");
    }
}
