package cc.chitty.connect.hub.chittyos;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cc.chitty.connect.hub.upstream.UpstreamCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * ChittyCanon's definitions by category ({@code GET /canon/<category>}, its {@code data} object), fetched through
 * the chittycanon connector, kept for {@code hub.canon.cache-ttl} (5 min) and served stale when Canon fails. Only
 * categories named in configuration are ever asked for, so the cache stays small.
 */
@Component
@EnableConfigurationProperties(CanonProperties.class)
public class CanonDefinitions {

    private static final Logger log = LoggerFactory.getLogger(CanonDefinitions.class);

    private record Entry(JsonNode data, Instant fetchedAt) {
    }

    private final ProducerTemplate producer;
    private final ObjectMapper mapper;
    private final CanonProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    CanonDefinitions(ProducerTemplate producer, ObjectMapper mapper, CanonProperties properties) {
        this.producer = producer;
        this.mapper = mapper;
        this.properties = properties;
    }

    public JsonNode definitions(String category) {
        Entry entry = entries.get(category);
        Instant now = clock.instant();
        if (entry != null && entry.fetchedAt().plus(properties.cacheTtl()).isAfter(now)) {
            return entry.data();
        }
        try {
            JsonNode data = fetch(category);
            entries.put(category, new Entry(data, now));
            return data;
        } catch (RuntimeException e) {
            if (entry == null) {
                throw e;
            }
            log.warn("ChittyCanon unavailable; using the {} definitions from {}", category, entry.fetchedAt());
            return entry.data();
        }
    }

    private JsonNode fetch(String category) {
        Exchange result = producer.send("direct:upstream.chittycanon", exchange -> {
            exchange.setProperty(UpstreamCall.METHOD, "GET");
            exchange.setProperty(UpstreamCall.PATH, "/canon/" + category);
        });
        if (result.getException() != null) {
            throw RuntimeCamelException.wrapRuntimeCamelException(result.getException());
        }
        try {
            JsonNode data = mapper.readTree(result.getMessage().getBody(String.class)).path("data");
            if (!data.isObject()) {
                throw new IllegalStateException("ChittyCanon answered " + category + " without a data object");
            }
            return data;
        } catch (IOException e) {
            throw new IllegalStateException("ChittyCanon answered " + category + " with a body that is not JSON", e);
        }
    }
}
