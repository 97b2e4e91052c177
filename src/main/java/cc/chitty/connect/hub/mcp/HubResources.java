package cc.chitty.connect.hub.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cc.chitty.connect.hub.capability.CapabilityFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

/**
 * The original's three resources, read through the same capability routes as REST: the services status, the
 * registry's list, and the awareness summary combining both (services online, registered services, and the
 * ecosystem rating exactly as the services status computes it). A read passes the {@link McpCallGate}: the scope
 * of every capability the resource shows (the awareness summary needs both {@code services:read} and
 * {@code registry:read}, rather than a document with parts left out), and a rate-limit token as a tool call takes.
 */
@Component
class HubResources {

    static final String MIME_TYPE = "application/json";

    /** A resource and the capabilities it shows, whose scopes reading it needs. */
    record HubResource(String uri, String name, String description, List<String> capabilities) {
    }

    private static final List<HubResource> RESOURCES = List.of(
            new HubResource("chitty://services/status", "ChittyOS services status",
                    "Health of every ChittyOS service and the ecosystem rating", List.of("services.status")),
            new HubResource("chitty://registry/services", "Registered services",
                    "The services registered in ChittyRegistry", List.of("chittyregistry.list")),
            new HubResource("chitty://context/awareness", "Ecosystem awareness",
                    "Services online, registered services and the ecosystem health in one document",
                    List.of("services.status", "chittyregistry.list")));

    private final CapabilityCalls calls;
    private final McpCallGate gate;
    private final ObjectMapper mapper;

    HubResources(CapabilityCalls calls, McpCallGate gate, ObjectMapper mapper) {
        this.calls = calls;
        this.gate = gate;
        this.mapper = mapper;
    }

    List<HubResource> all() {
        return RESOURCES;
    }

    Optional<HubResource> find(String uri) {
        return RESOURCES.stream().filter(r -> r.uri().equals(uri)).findFirst();
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
        return switch (resource.uri()) {
            case "chitty://services/status" -> calls.call("services.status", null, Map.of(), caller);
            case "chitty://registry/services" -> calls.call("chittyregistry.list", null, Map.of(), caller);
            default -> awareness(caller);
        };
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
