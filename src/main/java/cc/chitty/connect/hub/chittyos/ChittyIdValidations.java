package cc.chitty.connect.hub.chittyos;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ChittyID client's validation, with the service as the arbiter of format: only an id that matches no documented
 * shape, or fails the canonical checksum ({@link ChittyIdFormats}), is answered invalid by the hub
 * ({@code checkedBy: hub}); every other id is the service's to judge ({@code checkedBy: service}), and its answers
 * are cached ({@code chittyid.validation} cache metrics, and {@code hub_chittyid_validation_cache_hit_ratio}, the
 * v2.2 report's go/no-go figure).
 */
@Component
class ChittyIdValidations {

    static final String ANSWERED = "chittyidAnswered";
    private static final String ID = "chittyidToValidate";

    private final ChittyIdFormats formats;
    private final ObjectMapper mapper;
    private final Cache<String, String> answers;

    ChittyIdValidations(ChittyIdFormats formats, ObjectMapper mapper, MeterRegistry meters,
            @Value("${hub.chittyid.validation-cache.size:10000}") long size,
            @Value("${hub.chittyid.validation-cache.ttl:5m}") Duration ttl) {
        this.formats = formats;
        this.mapper = mapper;
        this.answers = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl).recordStats()
                .executor(Runnable::run).build();
        CaffeineCacheMetrics.monitor(meters, answers, "chittyid.validation");
        Gauge.builder("hub.chittyid.validation.cache.hit.ratio", answers, cache -> cache.stats().hitRate())
                .description("Share of service validations answered from the cache since start-up").register(meters);
    }

    /** Answers from the local check or the cache when it can, marking the exchange {@value #ANSWERED}. */
    void answerLocally(Exchange exchange) throws Exception {
        JsonNode request = mapper.readTree(exchange.getMessage().getBody(String.class));
        String chittyId = request.path("chittyid").asText();
        Optional<String> problem = formats.problem(chittyId);
        String answer = problem.isPresent()
                ? mapper.writeValueAsString(Map.of("chittyid", chittyId, "valid", false,
                        "reason", problem.get(), "checkedBy", "hub"))
                : answers.getIfPresent(chittyId);
        if (answer != null) {
            exchange.getMessage().setBody(answer);
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.setProperty(ANSWERED, true);
        }
        exchange.setProperty(ID, chittyId);
    }

    /** Marks the service's answer as the service's and keeps it for the id. */
    void remember(Exchange exchange) throws Exception {
        String answer = exchange.getMessage().getBody(String.class);
        if (mapper.readTree(answer) instanceof ObjectNode verdict) {
            answer = mapper.writeValueAsString(verdict.put("checkedBy", "service"));
        }
        exchange.getMessage().setBody(answer);
        answers.put(exchange.getProperty(ID, String.class), answer);
    }
}
