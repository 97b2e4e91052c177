package cc.chitty.connect.hub.capability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import cc.chitty.connect.hub.upstream.InvalidParameterException;
import org.apache.camel.Headers;
import org.springframework.stereotype.Component;

/**
 * What a capability takes from the request line. Path parameters become part of an upstream path, so they must be
 * plain identifiers (no {@code /}, no {@code ..}); query parameters pass only when the capability names them,
 * URL-encoded, with optional defaults ({@code limit=100}). Used from the capability route templates.
 */
@Component("requestParameters")
public class RequestParameters {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9:_.-]{1,128}");

    /** Throws {@link InvalidParameterException} for the first named parameter that is missing or not an id. */
    public void requireIdentifiers(@Headers Map<String, Object> headers, String names) {
        for (String name : split(names)) {
            Object value = headers.get(name);
            if (value == null || !IDENTIFIER.matcher(value.toString()).matches()
                    || value.toString().contains("..")) {
                throw new InvalidParameterException(name, "is required: 1 to 128 letters, digits, : _ . -");
            }
        }
    }

    /** The named parameters present (or defaulted) as an encoded query string, in the listed order. */
    public String query(@Headers Map<String, Object> headers, String names) {
        StringJoiner query = new StringJoiner("&");
        for (String spec : split(names)) {
            String[] nameAndDefault = spec.split("=", 2);
            Object value = headers.get(nameAndDefault[0]);
            String text = value != null && !value.toString().isEmpty() ? value.toString()
                    : nameAndDefault.length > 1 ? nameAndDefault[1] : null;
            if (text != null) {
                query.add(encode(nameAndDefault[0]) + "=" + encode(text));
            }
        }
        return query.toString();
    }

    private static List<String> split(String names) {
        return names == null || names.isBlank() ? List.of()
                : Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
