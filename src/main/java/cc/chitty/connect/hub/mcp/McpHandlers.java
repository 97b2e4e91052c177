package cc.chitty.connect.hub.mcp;

import java.util.List;

import cc.chitty.connect.hub.capability.CapabilityFailure;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

/**
 * What both MCP transports answer, whichever server object of the SDK serves them: tool calls through the
 * dispatcher, resource reads, prompts; refusals and failures become JSON-RPC errors through {@link McpErrors}.
 */
@Component
class McpHandlers {

    private final ToolDispatcher dispatcher;
    private final HubTools tools;
    private final HubResources resources;
    private final HubPrompts prompts;

    McpHandlers(ToolDispatcher dispatcher, HubTools tools, HubResources resources, HubPrompts prompts) {
        this.dispatcher = dispatcher;
        this.tools = tools;
        this.resources = resources;
        this.prompts = prompts;
    }

    List<McpSchema.Tool> tools() {
        return tools.all().stream().map(t -> McpSchema.Tool.builder().name(t.name()).description(t.description())
                .inputSchema(t.inputSchema()).build()).toList();
    }

    List<McpSchema.Resource> resources() {
        return resources.all().stream().map(r -> McpSchema.Resource.builder().uri(r.uri()).name(r.name())
                .description(r.description()).mimeType(HubResources.MIME_TYPE).build()).toList();
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
