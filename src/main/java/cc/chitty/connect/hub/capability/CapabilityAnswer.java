package cc.chitty.connect.hub.capability;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import cc.chitty.connect.hub.upstream.ErrorClass;
import cc.chitty.connect.hub.upstream.Fault;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** What a capability answered: its body and the headers it (or its upstream) set. */
public final class CapabilityAnswer {

    private final byte[] body;
    private final Map<String, Object> headers;
    private final ObjectMapper mapper;

    CapabilityAnswer(byte[] body, Map<String, Object> headers, ObjectMapper mapper) {
        this.body = body == null ? new byte[0] : body;
        this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        this.headers.putAll(headers);
        this.mapper = mapper;
    }

    public String text() {
        return new String(body, UTF_8);
    }

    /** The body as JSON, a missing node when empty; a {@link CapabilityFailure} when it is not JSON. */
    public JsonNode json() {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new CapabilityFailure(Fault.of(ErrorClass.SERVER, "The service answered with a body that is not"
                    + " JSON"), e);
        }
    }

    /** A header of the answer, e.g. {@code Link}; null when absent. */
    public String header(String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }
}
