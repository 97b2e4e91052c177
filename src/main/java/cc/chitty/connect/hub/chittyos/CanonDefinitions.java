package cc.chitty.connect.hub.chittyos;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cc.chitty.connect.hub.capability.CapabilityCaller;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * ChittyCanon's definitions by category (the {@code data} object the capability {@code chittycanon.definitions}
 * answers), kept for {@code hub.canon.cache-ttl} (5 min) and served stale when Canon fails. Only categories named in
 * configuration are ever asked for, so the cache stays small.
 */
@Component
@EnableConfigurationProperties(CanonProperties.class)
public class CanonDefinitions {

    private static final Logger log = LoggerFactory.getLogger(CanonDefinitions.class);
    private static final String ACTOR = "hub:canon";

    private record Entry(JsonNode data, Instant fetchedAt) {
    }

    private final CapabilityCaller capabilities;
    private final CanonProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    CanonDefinitions(CapabilityCaller capabilities, CanonProperties properties) {
        this.capabilities = capabilities;
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
        JsonNode data = capabilities.request("chittycanon.definitions", ACTOR).parameter("category", category).call()
                .json().path("data");
        if (!data.isObject()) {
            throw new IllegalStateException("ChittyCanon answered " + category + " without a data object");
        }
        return data;
    }
}
