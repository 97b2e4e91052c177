package cc.chitty.connect.hub.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

/**
 * The resources of the {@link McpCatalogue} (the original's three), read through the same capability routes as
 * REST: the services status, the registry's list, and the awareness summary combining both (services online,
 * registered services, and the ecosystem rating exactly as the services status computes it). A read passes the
 * {@link McpCallGate}: the scope of every capability the resource shows (the awareness summary needs both
 * {@code services:read} and {@code registry:read}, rather than a document with parts left out), and a rate-limit
 * token as a tool call takes.
 */
@Component
class HubResources {

    static final String MIME_TYPE = "application/json";
    /** The built-in content of the awareness summary. */
    private static final String AWARENESS = "awareness";

    /** A resource and the capabilities it shows, whose scopes reading it needs. */
    record HubResource(String uri, String name, String title, String description, List<String> capabilities,
            String content) {
    }

    private final List<HubResource> resources;
    private final CapabilityCalls calls;
    private final McpCallGate gate;
    private final ObjectMapper mapper;

    HubResources(McpCatalogue catalogue, CapabilityCalls calls, McpCallGate gate, ObjectMapper mapper) {
        this.resources = catalogue.resources().stream().map(HubResources::resource).toList();
        this.calls = calls;
        this.gate = gate;
        this.mapper = mapper;
    }

    private static HubResource resource(McpCatalogue.ResourceEntry entry) {
        if (entry.content() != null ? !AWARENESS.equals(entry.content()) : entry.capabilities().size() != 1) {
            throw new IllegalStateException("The MCP catalogue's resource " + entry.uri() + " needs content "
                    + AWARENESS + " or exactly one capability");
        }
        return new HubResource(entry.uri(), entry.name(), entry.title(), entry.description(),
                List.copyOf(entry.capabilities()), entry.content());
    }

    List<HubResource> all() {
        return resources;
    }

    Optional<HubResource> find(String uri) {
        return resources.stream().filter(r -> r.uri().equals(uri)).findFirst();
    }

    /**
     * The resource's JSON text once the gate admits the call; a {@link ToolCallRefused} when it does not, a
     * {@link CapabilityFailure} when a capability failed.
     */
    String read(HubResource resource, Caller caller) {
        gate.admit("The resource " + resource.uri(), resource.capabilities(), caller);
        return content(resource, caller);
    }

    /** The resource's JSON text, for a caller the gate has already admitted for its capabilities. */
    String content(HubResource resource, Caller caller) {
        return AWARENESS.equals(resource.content()) ? awareness(caller)
                : calls.call(resource.capabilities().get(0), null, Map.of(), caller);
    }

    private String awareness(Caller caller) {
        JsonNode status = tree(calls.call("services.status", null, Map.of(), caller));
        JsonNode registry;
        try {
            registry = tree(calls.call("chittyregistry.list", null, Map.of(), caller));
        } catch (CapabilityFailure failure) {
            registry = mapper.createObjectNode().put("error", failure.fault().detail());
        }
        JsonNode registered = registry.isArray() ? registry : registry.path("services");
        JsonNode health = status.path("ecosystemHealth");
        ObjectNode awareness = mapper.createObjectNode();
        awareness.put("timestamp", Instant.now().toString());
        ObjectNode consciousness = awareness.putObject("contextConsciousness");
        consciousness.put("servicesOnline", health.path("healthy").asInt());
        consciousness.put("totalServices", health.path("total").asInt());
        consciousness.put("registeredServices", registered.isArray() ? registered.size() : 0);
        consciousness.put("ecosystemHealth", health.path("rating").asText());
        awareness.set("services", status.path("services"));
        awareness.set("registry", registry);
        return awareness.toString();
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
