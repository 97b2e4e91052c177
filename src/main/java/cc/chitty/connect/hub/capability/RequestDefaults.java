package cc.chitty.connect.hub.capability;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cc.chitty.connect.hub.routes.RouteResources;
import org.apache.camel.Body;
import org.springframework.stereotype.Component;

/**
 * Fills in the top-level {@code default} values that a request schema declares, so a capability forwards what the
 * original did when a field was left out ({@code analysisType: comprehensive}, {@code mode: incremental}). A
 * {@code date-time} field whose default is {@code "now"} gets the current instant. In YAML, after the schema check:
 * {@code bean: {ref: requestDefaults, method: "apply(*, 'schemas/chittysync.trigger.json')"}}, the path relative to the
 * routes directory.
 */
@Component("requestDefaults")
public class RequestDefaults {

    private final ObjectMapper mapper;
    private final RouteResources files;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** A schema as read, and when its file had last changed then. */
    private record Schema(long modified, JsonNode tree) {
    }

    public RequestDefaults(ObjectMapper mapper, RouteResources files) {
        this.mapper = mapper;
        this.files = files;
    }

    public String apply(@Body String body, String schemaPath) throws IOException {
        JsonNode request = mapper.readTree(body);
        if (!(request instanceof ObjectNode object)) {
            return body;
        }
        Iterator<Map.Entry<String, JsonNode>> properties = schema(schemaPath).path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode fallback = property.getValue().get("default");
            if (fallback != null && !object.hasNonNull(property.getKey())) {
                boolean now = "date-time".equals(property.getValue().path("format").asText())
                        && "now".equals(fallback.asText());
                object.set(property.getKey(), now ? object.textNode(Instant.now().toString()) : fallback);
            }
        }
        return mapper.writeValueAsString(object);
    }

    /** Read again when its file changed, so an edited default applies without a restart. */
    private JsonNode schema(String path) {
        long modified = files.lastModified(path);
        return schemas.compute(path, (p, known) -> known != null && known.modified() == modified ? known : read(p,
                modified)).tree();
    }

    private Schema read(String path, long modified) {
        try (InputStream in = files.open(path).orElseThrow(
                () -> new IllegalStateException("no schema at " + files.location() + "/" + path))) {
            return new Schema(modified, mapper.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable schema " + path, e);
        }
    }
}
