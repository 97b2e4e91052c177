package cc.chitty.connect.hub.chittyos;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import cc.chitty.connect.hub.upstream.InvalidParameterException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.springframework.stereotype.Component;

/**
 * Checks that request fields hold canonical values ({@code hub.canon.fields}): ChittyCanon's category, or the
 * original's own list where configuration makes that the truth. A value matches a Canon entry's key
 * ({@code EVICTION}) or its {@code value} ({@code eviction}), in any letter case.
 */
@Component("canonicalValues")
public class CanonicalValues {

    private final CanonDefinitions canon;
    private final CanonProperties properties;
    private final ObjectMapper mapper;

    CanonicalValues(CanonDefinitions canon, CanonProperties properties, ObjectMapper mapper) {
        this.canon = canon;
        this.properties = properties;
        this.mapper = mapper;
    }

    /** Checks each named top-level field the JSON body has; {@code names} is comma-separated, may be empty. */
    public void check(@Body String body, String names) throws IOException {
        if (names == null || names.isBlank()) {
            return;
        }
        JsonNode request = mapper.readTree(body);
        for (String name : names.split(",")) {
            JsonNode value = request.path(name.trim());
            if (value.isTextual()) {
                require(name.trim(), value.asText());
            }
        }
    }

    /** Throws {@link InvalidParameterException} naming the field when the value is not on its configured list. */
    public void require(String field, String value) {
        CanonProperties.Field rule = rule(field);
        List<String> allowed = allowed(field);
        if (allowed.stream().noneMatch(value::equalsIgnoreCase)) {
            String from = rule.source() == CanonProperties.Source.ORIGINAL ? "" : " (ChittyCanon " + rule.category() + ")";
            throw new InvalidParameterException(field, "must be one of " + allowed + from);
        }
    }

    /** The values the field accepts now: the original's list or ChittyCanon's category, as configured. */
    public List<String> allowed(String field) {
        CanonProperties.Field rule = rule(field);
        return rule.source() == CanonProperties.Source.ORIGINAL ? rule.original() : canonValues(rule.category());
    }

    private CanonProperties.Field rule(String field) {
        CanonProperties.Field rule = properties.fields().get(field);
        if (rule == null) {
            throw new IllegalStateException("hub.canon.fields has no rule for " + field);
        }
        return rule;
    }

    private List<String> canonValues(String category) {
        List<String> values = new ArrayList<>();
        canon.definitions(category).fields().forEachRemaining(entry -> {
            values.add(entry.getKey());
            JsonNode value = entry.getValue().path("value");
            if (value.isTextual() && !value.asText().equalsIgnoreCase(entry.getKey())) {
                values.add(value.asText());
            }
        });
        return values;
    }
}
