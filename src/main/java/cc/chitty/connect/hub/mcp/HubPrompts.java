package cc.chitty.connect.hub.mcp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import cc.chitty.connect.hub.chittyos.CanonicalValues;
import cc.chitty.connect.hub.upstream.Fault;
import cc.chitty.connect.hub.upstream.InvalidParameterException;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

/**
 * Prompts for the workflows the tools exist for (the original advertised prompts and had none): mint an identity
 * and log it, open a case from a description, report the ecosystem's health from live data. Getting a prompt
 * passes the {@link McpCallGate} as a tool call does (a rate-limit token; the health report also needs the scopes
 * of the awareness document it embeds). Required arguments are checked; a missing or invalid one is an
 * invalid-params error naming it.
 */
@Component
class HubPrompts {

    private static final Set<String> ENTITIES =
            Set.of("PEO", "PLACE", "PROP", "EVNT", "AUTH", "INFO", "FACT", "CONTEXT", "ACTOR", "P", "L", "T", "E", "A");

    /** The prompts whose text the hub writes; the catalogue declares which of them are offered, and how. */
    private static final Set<String> WRITTEN = Set.of("mint-and-log-identity", "open-case-from-description",
            "ecosystem-health-report");

    private final List<McpSchema.Prompt> prompts;
    private final Map<String, String> embeds = new HashMap<>();
    private final HubResources resources;
    private final CanonicalValues canonical;
    private final McpCallGate gate;

    HubPrompts(McpCatalogue catalogue, HubResources resources, CanonicalValues canonical, McpCallGate gate) {
        this.resources = resources;
        this.canonical = canonical;
        this.gate = gate;
        this.prompts = catalogue.prompts().stream().map(this::prompt).toList();
    }

    private McpSchema.Prompt prompt(McpCatalogue.PromptEntry entry) {
        if (!WRITTEN.contains(entry.name())) {
            throw new IllegalStateException("The MCP catalogue's prompt " + entry.name() + " has no text in the hub; "
                    + "it writes " + new TreeSet<>(WRITTEN));
        }
        if (entry.embeds() != null) {
            embeds.put(entry.name(), entry.embeds());
        }
        List<McpSchema.PromptArgument> arguments = entry.arguments() == null ? List.of()
                : entry.arguments().stream().map(a -> new McpSchema.PromptArgument(a.name(), a.description(),
                        a.required())).toList();
        return new McpSchema.Prompt(entry.name(), entry.title(), entry.description(), arguments);
    }

    List<McpSchema.Prompt> all() {
        return prompts;
    }

    Optional<McpSchema.Prompt> find(String name) {
        return prompts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    McpSchema.GetPromptResult get(String name, Map<String, Object> arguments, Caller caller) {
        McpSchema.Prompt prompt = find(name).orElseThrow(() -> ToolCallRefused.invalidArguments(name,
                List.of(new Fault.Violation("name", "is not a prompt of this server"))));
        String embedded = embeds.get(name);
        gate.admit("The prompt " + name, embedded != null
                ? resources.find(embedded).orElseThrow().capabilities() : List.of(), caller);
        Map<String, Object> args = arguments != null ? arguments : Map.of();
        List<Fault.Violation> missing = new ArrayList<>();
        prompt.arguments().stream().filter(a -> Boolean.TRUE.equals(a.required()))
                .filter(a -> text(args, a.name()).isEmpty())
                .forEach(a -> missing.add(new Fault.Violation(a.name(), "is required")));
        if (!missing.isEmpty()) {
            throw ToolCallRefused.invalidArguments(name, missing);
        }
        return switch (name) {
            case "mint-and-log-identity" -> mintAndLog(args);
            case "open-case-from-description" -> openCase(args);
            default -> healthReport(embedded, args, caller);
        };
    }

    private static McpSchema.GetPromptResult mintAndLog(Map<String, Object> args) {
        String entity = text(args, "entity").toUpperCase(Locale.ROOT);
        if (!ENTITIES.contains(entity)) {
            throw ToolCallRefused.invalidArguments("mint-and-log-identity",
                    List.of(new Fault.Violation("entity", "must be one of " + new TreeSet<>(ENTITIES))));
        }
        String name = text(args, "name");
        String source = text(args, "source");
        String text = "Mint a new ChittyID for a " + entity + " entity" + (name.isEmpty() ? "" : " for \"" + name
                + "\"") + ".\n\n"
                + "1. Call the tool chittyid_mint with {\"entity\": \"" + entity + "\""
                + (name.isEmpty() ? "" : ", \"metadata\": {\"name\": \"" + name + "\"}") + "}.\n"
                + "2. When it succeeds, call chitty_chronicle_log with eventType \"chittyid.minted\", entityId set to "
                + "the chittyId the mint returned, and data {\"entity\": \"" + entity + "\""
                + (name.isEmpty() ? "" : ", \"name\": \"" + name + "\"")
                + (source.isEmpty() ? "" : ", \"source\": \"" + source + "\"") + "}.\n"
                + "3. Answer with the new ChittyID and the chronicle entry's id. If a tool returns an error, report "
                + "its errorClass and detail and do not retry a mint that may have succeeded.";
        return result("Mint a " + entity + " ChittyID and log it", text);
    }

    /** The case types are the ones chitty_case_create checks against (hub.canon.fields.caseType). */
    private McpSchema.GetPromptResult openCase(Map<String, Object> args) {
        String caseType = text(args, "caseType");
        if (!caseType.isEmpty()) {
            try {
                canonical.require("caseType", caseType);
            } catch (InvalidParameterException e) {
                throw ToolCallRefused.invalidArguments("open-case-from-description",
                        List.of(new Fault.Violation(e.parameter(), e.problem())));
            }
        }
        String text = "Open a case for the matter described below.\n\n"
                + "1. Call chitty_contextual_analyze with the description as text and analysisType \"legal\".\n"
                + "2. From the analysis, write a short title (at most 120 characters)"
                + (caseType.isEmpty() ? " and choose caseType, one of " + String.join(", ",
                        canonical.allowed("caseType"))
                        : "; the caseType is " + caseType) + ".\n"
                + "3. Call chitty_case_create with title, caseType, the description, and metadata holding the "
                + "entities the analysis found.\n"
                + "4. Call chitty_chronicle_log with eventType \"case.opened\", entityId the new case's id and data "
                + "{\"title\": …, \"caseType\": …}.\n"
                + "5. Answer with the case id, title and type.\n\n"
                + "Description:\n" + text(args, "description");
        return result("Open a case from a description", text);
    }

    private McpSchema.GetPromptResult healthReport(String embedded, Map<String, Object> args, Caller caller) {
        HubResources.HubResource awareness = resources.find(embedded).orElseThrow(() -> new IllegalStateException(
                "The MCP catalogue's prompt ecosystem-health-report embeds no resource"));
        McpSchema.EmbeddedResource live = new McpSchema.EmbeddedResource(null, new McpSchema.TextResourceContents(
                awareness.uri(), HubResources.MIME_TYPE, resources.content(awareness, caller)));
        String focus = text(args, "focus");
        String text = "Using the awareness document attached (live data from the hub), write a short report on the "
                + "ChittyOS ecosystem: the overall rating, the services that are down or degraded and since when "
                + "they were checked, and services registered in ChittyRegistry that the status check does not "
                + "cover." + (focus.isEmpty() ? "" : " Look closely at " + focus + ".")
                + " Finish with the actions an operator should take first.";
        return new McpSchema.GetPromptResult("ChittyOS ecosystem health report", List.of(
                new McpSchema.PromptMessage(McpSchema.Role.USER, live),
                new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))));
    }

    private static McpSchema.GetPromptResult result(String description, String text) {
        return new McpSchema.GetPromptResult(description,
                List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))));
    }

    private static String text(Map<String, Object> args, String name) {
        Object value = args.get(name);
        return value == null ? "" : value.toString().trim();
    }
}
