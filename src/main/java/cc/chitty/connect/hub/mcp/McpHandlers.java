package cc.chitty.connect.hub.mcp;

import java.util.List;

import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

/**
 * What every MCP revision answers, whichever server object of the SDK serves it: the catalogue's definitions
 * (tools with their title, client hints and schemas; a caller is shown the tools its key's scopes allow), tool
 * calls through the dispatcher, resource reads, prompts; refusals and failures become JSON-RPC errors through
 * {@link McpErrors}. The 2026-07-28 server ({@link ModernMcpFeatures}) translates these into its own types.
 */
@Component
class McpHandlers {

    private final ToolDispatcher dispatcher;
    private final HubTools tools;
    private final HubResources resources;
    private final HubPrompts prompts;
    private final McpCallGate gate;

    McpHandlers(ToolDispatcher dispatcher, HubTools tools, HubResources resources, HubPrompts prompts,
            McpCallGate gate) {
        this.dispatcher = dispatcher;
        this.gate = gate;
        this.tools = tools;
        this.resources = resources;
        this.prompts = prompts;
    }

    List<McpSchema.Tool> tools() {
        return tools.all().stream().map(t -> McpSchema.Tool.builder().name(t.name()).title(t.title())
                .description(t.description()).inputSchema(t.inputSchema()).outputSchema(t.outputSchema())
                .annotations(new McpSchema.ToolAnnotations(null, t.annotations().readOnlyHint(),
                        t.annotations().destructiveHint(), t.annotations().idempotentHint(),
                        t.annotations().openWorldHint(), null))
                .build()).toList();
    }

    /** Whether tools/list shows the tool to the caller: its key has the scope of the tool's capability. */
    boolean shows(String tool, Caller caller) {
        return tools.find(tool).map(t -> gate.allows(List.of(t.capability()), caller)).orElse(false);
    }

    List<McpSchema.Resource> resources() {
        return resources.all().stream().map(r -> McpSchema.Resource.builder().uri(r.uri()).name(r.name())
                .title(r.title()).description(r.description()).mimeType(HubResources.MIME_TYPE).build()).toList();
    }

    List<McpSchema.Prompt> prompts() {
        return prompts.all();
    }

    McpSchema.CallToolResult callTool(McpSchema.CallToolRequest request, Caller caller) {
        try {
            return dispatcher.call(request.name(), request.arguments(), caller).result();
        } catch (ToolCallRefused refused) {
            throw McpErrors.of(refused);
        }
    }

    McpSchema.ReadResourceResult readResource(McpSchema.ReadResourceRequest request, Caller caller) {
        HubResources.HubResource resource =
                resources.find(request.uri()).orElseThrow(() -> McpErrors.unknownResource(request.uri()));
        try {
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(resource.uri(),
                    HubResources.MIME_TYPE, resources.read(resource, caller))));
        } catch (ToolCallRefused refused) {
            throw McpErrors.of(refused);
        } catch (CapabilityFailure failure) {
            throw McpErrors.resourceFailed(failure);
        }
    }

    McpSchema.GetPromptResult getPrompt(McpSchema.GetPromptRequest request, Caller caller) {
        try {
            return prompts.get(request.name(), request.arguments(), caller);
        } catch (ToolCallRefused refused) {
            throw McpErrors.of(refused);
        } catch (CapabilityFailure failure) {
            throw McpErrors.resourceFailed(failure);
        }
    }
}
