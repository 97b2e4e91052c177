package cc.chitty.connect.hub.chittyos;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ChittyID client's validation, done properly: an id that fails the local format or checksum check is answered
 * invalid without asking the service; the service's answers are cached ({@code chittyid.validation} cache metrics:
 * hits, misses, evictions).
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

    /** Keeps the service's answer for the id. */
    void remember(Exchange exchange) {
        String answer = exchange.getMessage().getBody(String.class);
        exchange.getMessage().setBody(answer);
        answers.put(exchange.getProperty(ID, String.class), answer);
    }
}
