package cc.chitty.connect.hub.github.door;

import java.io.IOException;
import java.math.BigInteger;

import cc.chitty.connect.hub.github.events.GitHubDelivery;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The record key of a signed payload ({@link GitHubDelivery#keyOf}), read with one pass of Jackson's streaming
 * parser instead of a tree: the whole root value is parsed (so a malformed document is refused as before), but only
 * {@code repository.id} and {@code installation.id} are kept. As with a tree, a repeated field's last value counts,
 * an id is any JSON number within a long (a fraction is truncated) and anything after the root value is ignored.
 */
final class DeliveryKey {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private DeliveryKey() {
    }

    /** The key, or null when the payload is not a JSON object. */
    static String of(JsonFactory json, byte[] payload, String deliveryId) {
        try (JsonParser parser = json.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Long repository = null;
            Long installation = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("repository".equals(field)) {
                    repository = idOf(parser, value);
                } else if ("installation".equals(field)) {
                    installation = idOf(parser, value);
                } else {
                    parser.skipChildren();
                }
            }
            return parser.currentToken() == JsonToken.END_OBJECT
                    ? GitHubDelivery.keyOf(repository, installation, deliveryId) : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The {@code id} of the object the parser is on, null when it has none or the value is no object. */
    private static Long idOf(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        Long id = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if ("id".equals(field)) {
                id = asLong(parser, token);
            }
            parser.skipChildren();
        }
        return id;
    }

    private static Long asLong(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            if (parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                return parser.getLongValue();
            }
            BigInteger big = parser.getBigIntegerValue();
            return big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0 ? big.longValue() : null;
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = parser.getDoubleValue();
            return value >= Long.MIN_VALUE && value <= Long.MAX_VALUE ? (long) value : null;
        }
        return null;
    }
}
