package cc.chitty.connect.hub.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The MCP catalogue file ({@code hub.mcp.catalogue}, {@code routes/mcp-catalogue.yaml} beside the route files):
 * the tools, resources and prompts every MCP revision and the REST imitation offer, each tool naming the
 * <b>capability id</b> it runs — never a URL — so its scope and rate tier follow the capability, and renaming a
 * REST path changes nothing here. Read once at start-up; an entry that is incomplete, repeated or names a field
 * the hub does not know stops the start with the entry's name, rather than a tool that half works.
 */
@Component
class McpCatalogue {

    /** A capability id as the routes name them: lower-case words joined by dots, never a method or a path. */
    private static final Pattern CAPABILITY_ID = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9-]*)+");

    /** Client hints (MCP ToolAnnotations); absent ones are left out of the tool's description. */
    record Annotations(Boolean readOnlyHint, Boolean destructiveHint, Boolean idempotentHint,
            Boolean openWorldHint) {
    }

    /**
     * @param inputSchema  schemas/&lt;name&gt;.json; null: the capability's own request schema
     * @param outputSchema schemas/&lt;name&gt;.json of the answer the hub builds; null: no structured content
     * @param action       {@code capability} (null too) or a built-in the hub's tools know
     */
    record ToolEntry(String name, String title, String description, String capability, String inputSchema,
            String outputSchema, String action, Annotations annotations) {
    }

    /** @param content null: the one capability's answer; otherwise a built-in document */
    record ResourceEntry(String uri, String name, String title, String description, List<String> capabilities,
            String content) {
    }

    record Argument(String name, String description, boolean required) {
    }

    /** @param embeds the uri of a resource the prompt embeds (its capabilities' scopes are needed), or null */
    record PromptEntry(String name, String title, String description, String embeds, List<Argument> arguments) {
    }

    record Entries(List<ToolEntry> tools, List<ResourceEntry> resources, List<PromptEntry> prompts) {
        Entries {
            tools = tools != null ? List.copyOf(tools) : List.of();
            resources = resources != null ? List.copyOf(resources) : List.of();
            prompts = prompts != null ? List.copyOf(prompts) : List.of();
        }
    }

    private final String location;
    private final Entries entries;

    McpCatalogue(ResourceLoader loader,
            @Value("${hub.mcp.catalogue:file:routes/mcp-catalogue.yaml}") String location) {
        this.location = location;
        this.entries = check(read(loader.getResource(location)));
    }

    List<ToolEntry> tools() {
        return entries.tools();
    }

    List<ResourceEntry> resources() {
        return entries.resources();
    }

    List<PromptEntry> prompts() {
        return entries.prompts();
    }

    private Entries read(Resource resource) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = resource.getInputStream()) {
            return yaml.readValue(in, Entries.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MCP catalogue " + location, e);
        }
    }

    private Entries check(Entries read) {
        Set<String> names = new HashSet<>();
        for (ToolEntry tool : read.tools()) {
            require(tool.name(), "a tool without a name");
            require(names.add(tool.name()) ? tool.name() : null, "the tool " + tool.name() + " twice");
            require(tool.title(), "the tool " + tool.name() + " without a title");
            require(tool.description(), "the tool " + tool.name() + " without a description");
            if (tool.capability() == null || !CAPABILITY_ID.matcher(tool.capability()).matches()) {
                throw invalid("the tool " + tool.name() + " names '" + tool.capability()
                        + "' where a capability id (e.g. chittyid.mint) belongs");
            }
            Annotations hints = tool.annotations();
            require(hints, "the tool " + tool.name() + " without annotations");
            if (Boolean.TRUE.equals(hints.readOnlyHint()) && Boolean.TRUE.equals(hints.destructiveHint())) {
                throw invalid("the tool " + tool.name() + " is both read-only and destructive");
            }
        }
        for (ResourceEntry resource : read.resources()) {
            require(resource.uri(), "a resource without a uri");
            require(names.add(resource.uri()) ? resource.uri() : null, "the resource " + resource.uri() + " twice");
            require(resource.name(), "the resource " + resource.uri() + " without a name");
            if (resource.capabilities() == null || resource.capabilities().isEmpty()) {
                throw invalid("the resource " + resource.uri() + " names no capability");
            }
        }
        for (PromptEntry prompt : read.prompts()) {
            require(prompt.name(), "a prompt without a name");
            require(names.add(prompt.name()) ? prompt.name() : null, "the prompt " + prompt.name() + " twice");
            if (prompt.embeds() != null
                    && read.resources().stream().noneMatch(r -> r.uri().equals(prompt.embeds()))) {
                throw invalid("the prompt " + prompt.name() + " embeds the unknown resource " + prompt.embeds());
            }
        }
        return read;
    }

    private void require(Object value, String problem) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw invalid(problem);
        }
    }

    private IllegalStateException invalid(String problem) {
        return new IllegalStateException("The MCP catalogue " + location + " has " + problem);
    }
}
