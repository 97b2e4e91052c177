package cc.chitty.connect.hub.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import cc.chitty.connect.hub.evidence.EvidenceUploads;
import cc.chitty.connect.hub.upstream.ErrorClass;
import cc.chitty.connect.hub.upstream.Fault;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The tools of the {@link McpCatalogue}. Each runs the capability route the catalogue names, the one its REST
 * operation runs, with the same body and headers, and takes that capability's scope and rate tier (by capability
 * id); the input schema is the capability's own request schema (the original's, plus the fields the REST door
 * added) unless the catalogue names another. Three tools do more than pass their arguments on, as built-in
 * actions: {@code services-status} ({@code detailed} chooses the detail), {@code registry-discover}
 * ({@code serviceType} and {@code capabilities} filter the registry) and {@code evidence-ingest} (fetches the file).
 */
@Component
class HubTools {

    private final Map<String, HubTool> tools;
    private final CapabilityCalls calls;
    private final EvidenceFetcher evidence;
    private final ObjectMapper mapper;

    HubTools(McpCatalogue catalogue, CapabilityCalls calls, EvidenceFetcher evidence, ObjectMapper mapper) {
        this.calls = calls;
        this.evidence = evidence;
        this.mapper = mapper;
        Map<String, HubTool.Action> builtIns = Map.of("services-status", this::servicesStatus,
                "registry-discover", this::discover, "evidence-ingest", this::ingestEvidence);
        this.tools = catalogue.tools().stream().map(entry -> tool(entry, builtIns)).collect(Collectors.toMap(
                HubTool::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    List<HubTool> all() {
        return List.copyOf(tools.values());
    }

    Optional<HubTool> find(String name) {
        return Optional.ofNullable(name).map(tools::get);
    }

    private HubTool tool(McpCatalogue.ToolEntry entry, Map<String, HubTool.Action> builtIns) {
        String capability = entry.capability();
        HubTool.Action action;
        if (entry.action() == null || "capability".equals(entry.action())) {
            action = (arguments, caller) -> calls.call(capability, arguments.toString(), Map.of(), caller);
        } else {
            action = builtIns.get(entry.action());
            if (action == null) {
                throw new IllegalStateException("The MCP catalogue's tool " + entry.name() + " names the action "
                        + entry.action() + "; the hub knows capability, " + String.join(", ",
                                new TreeSet<>(builtIns.keySet())));
            }
        }
        return new HubTool(entry.name(), entry.title(), entry.description(), entry.annotations(),
                schema(entry.inputSchema() != null ? entry.inputSchema() : capability),
                entry.outputSchema() != null ? schema(entry.outputSchema()) : null, capability, action);
    }

    private Map<String, Object> schema(String name) {
        try (InputStream in = new ClassPathResource("schemas/" + name + ".json").getInputStream()) {
            return mapper.readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema " + name, e);
        }
    }

    /** Without {@code detailed}, each service's status and the rating; with it, everything the checks found. */
    private String servicesStatus(JsonNode arguments, Caller caller) throws IOException {
        String answer = calls.call("services.status", null, Map.of(), caller);
        if (arguments.path("detailed").asBoolean(false)) {
            return answer;
        }
        JsonNode full = mapper.readTree(answer);
        ObjectNode summary = mapper.createObjectNode();
        summary.set("ecosystemHealth", full.path("ecosystemHealth"));
        ObjectNode services = summary.putObject("services");
        full.path("services").properties().forEach(e -> services.set(e.getKey(), e.getValue().path("status")));
        return summary.toString();
    }

    private String discover(JsonNode arguments, Caller caller) throws IOException {
        JsonNode registry = mapper.readTree(calls.call("chittyregistry.list", null, Map.of(), caller));
        JsonNode listed = registry.isArray() ? registry : registry.path("services");
        String type = arguments.path("serviceType").asText(null);
        List<String> wanted = new ArrayList<>();
        arguments.path("capabilities").forEach(c -> wanted.add(c.asText().toLowerCase(Locale.ROOT)));
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode services = answer.putArray("services");
        for (JsonNode service : listed) {
            List<String> offered = new ArrayList<>();
            service.path("capabilities").forEach(c -> offered.add(c.asText().toLowerCase(Locale.ROOT)));
            if ((type == null || type.equalsIgnoreCase(service.path("type").asText()))
                    && offered.containsAll(wanted)) {
                services.add(service);
            }
        }
        answer.put("count", services.size());
        return answer.toString();
    }

    private String ingestEvidence(JsonNode arguments, Caller caller) throws IOException {
        EvidenceFetcher.Download download;
        try {
            download = evidence.open(arguments.get("fileUrl").asText());
        } catch (IOException e) {
            throw new CapabilityFailure(Fault.of(ErrorClass.NETWORK, "The file at fileUrl could not be fetched"));
        }
        try (download) {
            Map<String, Object> headers = new LinkedHashMap<>();
            headers.put(EvidenceUploads.CASE_ID, arguments.get("caseId").asText());
            if (arguments.hasNonNull("evidenceType")) {
                headers.put(EvidenceUploads.EVIDENCE_TYPE, arguments.get("evidenceType").asText());
            }
            if (arguments.hasNonNull("metadata")) {
                headers.put(EvidenceUploads.METADATA, arguments.get("metadata").toString());
            }
            headers.put(EvidenceUploads.FILE_NAME, download.fileName());
            headers.put(EvidenceUploads.FILE_CONTENT_TYPE, download.contentType());
            try {
                return calls.call("chittyevidence.ingest", download.content(), headers, caller);
            } catch (CapabilityFailure failure) {
                // a file without a Content-Length that ran over the cap while it was streamed upstream
                if (download.content().exceeded()) {
                    throw EvidenceFetcher.tooLarge(download.content().max());
                }
                if (download.deadline().expired()) {
                    throw download.deadline().failure();
                }
                throw failure;
            }
        }
    }
}
