package cc.chitty.connect.hub.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cc.chitty.connect.hub.security.OperationScopes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

/**
 * The original's three resources, read through the same capability routes as REST: the services status, the
 * registry's list, and the awareness summary combining both (services online, registered services, and the
 * ecosystem rating exactly as the services status computes it). Each needs the scope of its REST operation.
 */
@Component
class HubResources {

    static final String MIME_TYPE = "application/json";

    /** A resource and the REST operation whose scope reading it needs. */
    record HubResource(String uri, String name, String description, String scopeOperation) {
    }

    private static final List<HubResource> RESOURCES = List.of(
            new HubResource("chitty://services/status", "ChittyOS services status",
                    "Health of every ChittyOS service and the ecosystem rating", "GET /api/services/status"),
            new HubResource("chitty://registry/services", "Registered services",
                    "The services registered in ChittyRegistry", "GET /api/registry/services"),
            new HubResource("chitty://context/awareness", "Ecosystem awareness",
                    "Services online, registered services and the ecosystem health in one document",
                    "GET /api/services/status"));

    private final CapabilityCalls calls;
    private final OperationScopes scopes;
    private final ObjectMapper mapper;

    HubResources(CapabilityCalls calls, OperationScopes scopes, ObjectMapper mapper) {
        this.calls = calls;
        this.scopes = scopes;
        this.mapper = mapper;
    }

    List<HubResource> all() {
        return RESOURCES;
    }

    Optional<HubResource> find(String uri) {
        return RESOURCES.stream().filter(r -> r.uri().equals(uri)).findFirst();
    }

    /** The resource's JSON text; a {@link CapabilityFailure} when its capability failed. */
    String read(HubResource resource, Caller caller) {
        String[] operation = resource.scopeOperation().split(" ", 2);
        String scope = scopes.requiredFor(operation[0], operation[1]);
        if (!OperationScopes.grants(caller.key().scopes(), scope)) {
            throw ToolCallRefused.insufficientScope("The resource " + resource.uri(), scope);
        }
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
