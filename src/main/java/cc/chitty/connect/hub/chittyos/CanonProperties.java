package cc.chitty.connect.hub.chittyos;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.canon}: how long ChittyCanon's definitions are reused, and which request fields must hold a canonical
 * value. Where the original's own list disagrees with Canon, {@code source} says which one is the truth.
 */
@ConfigurationProperties("hub.canon")
public record CanonProperties(Duration cacheTtl, Map<String, Field> fields) {

    public enum Source { CANON, ORIGINAL }

    /**
     * @param category the Canon category the field's values come from, e.g. {@code case-types}
     * @param source   which list is checked
     * @param original the original's own list, checked when {@code source} is {@code original}
     */
    public record Field(String category, Source source, List<String> original) {

        public Field {
            source = source != null ? source : Source.CANON;
            original = original != null ? List.copyOf(original) : List.of();
        }
    }

    public CanonProperties {
        cacheTtl = cacheTtl != null ? cacheTtl : Duration.ofMinutes(5);
        fields = fields != null ? Map.copyOf(fields) : Map.of();
    }
}
