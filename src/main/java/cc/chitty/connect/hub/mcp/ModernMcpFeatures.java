package cc.chitty.connect.hub.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.modelcontextprotocol.modern.JsonRpc;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncPrompt;
import io.modelcontextprotocol.modern.server.feature.McpSyncPromptRepository;
import io.modelcontextprotocol.modern.server.feature.McpSyncResource;
import io.modelcontextprotocol.modern.server.feature.McpSyncResourceRepository;
import io.modelcontextprotocol.modern.server.feature.McpSyncTool;
import io.modelcontextprotocol.modern.server.feature.McpSyncToolRepository;
import io.modelcontextprotocol.modern.server.feature.PromptsPage;
import io.modelcontextprotocol.modern.server.feature.ResourcesPage;
import io.modelcontextprotocol.modern.server.feature.ToolsPage;
import io.modelcontextprotocol.spec.McpError;

/**
 * The catalogue as revision 2026-07-28 serves it: the same tools, resources and prompts as the older revisions,
 * answered by the same {@link McpHandlers}, in that revision's types. Lists carry caching hints: the tool list is
 * per key (it shows the tools the key's scopes allow), so {@code private}; the resource and prompt lists are the
 * same for every caller, so {@code public}; a resource read is live data, so not cached ({@code ttlMs} 0).
 * Refusals keep the codes and data the older revisions give them.
 */
final class ModernMcpFeatures {

    private final McpHandlers handlers;
    private final long listTtlMs;
    // the catalogue does not change while the hub runs: translated once
    private final Map<String, McpSchema.Tool> tools = new LinkedHashMap<>();
    private final List<McpSchema.Resource> resources;
    private final Map<String, McpSchema.Prompt> prompts = new LinkedHashMap<>();

    ModernMcpFeatures(McpHandlers handlers, long listTtlMs) {
        this.handlers = handlers;
        this.listTtlMs = listTtlMs;
        handlers.tools().forEach(t -> tools.put(t.name(), tool(t)));
        this.resources = handlers.resources().stream().map(r -> McpSchema.Resource.builder(r.uri(), r.name())
                .title(r.title()).description(r.description()).mimeType(r.mimeType()).build()).toList();
        handlers.prompts().forEach(p -> prompts.put(p.name(), prompt(p)));
    }

    McpSyncToolRepository tools() {
        return new McpSyncToolRepository() {
            @Override
            public ToolsPage list(McpRequestContext context, String cursor) {
                Caller caller = Caller.of(context.transportContext());
                return new ToolsPage(tools.values().stream().filter(t -> handlers.shows(t.name(), caller)).toList(),
                        null, listTtlMs, McpSchema.CacheScope.PRIVATE);
            }

            @Override
            public McpSyncTool find(McpRequestContext context, String name) {
                // an unlisted tool is still found: calling it is refused with the missing scope, as elsewhere
                McpSchema.Tool tool = name == null ? null : tools.get(name);
                return tool == null ? null : McpSyncTool.of(tool, (ctx, request) -> McpSyncResponse.result(
                                result(translated(() -> handlers.callTool(new io.modelcontextprotocol.spec
                                        .McpSchema.CallToolRequest(request.name(), request.arguments()),
                                        Caller.of(ctx.transportContext()))))));
            }
        };
    }

    McpSyncResourceRepository resources() {
        return new McpSyncResourceRepository() {
            @Override
            public ResourcesPage list(McpRequestContext context, String cursor) {
                return new ResourcesPage(resources, null, listTtlMs, McpSchema.CacheScope.PUBLIC);
            }

            @Override
            public McpSyncResource find(McpRequestContext context, String uri) {
                return resources.stream().anyMatch(r -> r.uri().equals(uri))
                        ? McpSyncResource.of((ctx, request) -> McpSyncResponse.result(read(translated(() ->
                                handlers.readResource(new io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest(
                                        request.uri()), Caller.of(ctx.transportContext()))))))
                        : null;
            }

            /** subscriptions/listen tells of resource updates, from any hub instance ({@link ResourceUpdates}). */
            @Override
            public boolean supportsSubscribe() {
                return true;
            }
        };
    }

    McpSyncPromptRepository prompts() {
        return new McpSyncPromptRepository() {
            @Override
            public PromptsPage list(McpRequestContext context, String cursor) {
                return new PromptsPage(List.copyOf(prompts.values()), null, listTtlMs, McpSchema.CacheScope.PUBLIC);
            }

            @Override
            public McpSyncPrompt find(McpRequestContext context, String name) {
                McpSchema.Prompt prompt = name == null ? null : prompts.get(name);
                return prompt == null ? null : McpSyncPrompt.of(prompt, (ctx, request) -> McpSyncResponse.result(
                                prompted(translated(() -> handlers.getPrompt(new io.modelcontextprotocol.spec
                                        .McpSchema.GetPromptRequest(request.name(), toObjects(request.arguments())),
                                        Caller.of(ctx.transportContext()))))));
            }
        };
    }

    private static McpSchema.Tool tool(io.modelcontextprotocol.spec.McpSchema.Tool tool) {
        io.modelcontextprotocol.spec.McpSchema.ToolAnnotations hints = tool.annotations();
        McpSchema.Tool.Builder modern = McpSchema.Tool.builder(tool.name(), tool.inputSchema())
                .title(tool.title()).description(tool.description())
                .annotations(new McpSchema.ToolAnnotations(null, hints.readOnlyHint(), hints.destructiveHint(),
                        hints.idempotentHint(), hints.openWorldHint()));
        return (tool.outputSchema() != null ? modern.outputSchema(tool.outputSchema()) : modern).build();
    }

    /** A tool's result in this revision's type (shared with {@link ModernToolCall}). */
    static McpSchema.CallToolResult result(io.modelcontextprotocol.spec.McpSchema.CallToolResult result) {
        McpSchema.CallToolResult.Builder modern = McpSchema.CallToolResult.builder()
                .isError(Boolean.TRUE.equals(result.isError()));
        result.content().forEach(c -> modern.addContent(McpSchema.TextContent.builder(
                ((io.modelcontextprotocol.spec.McpSchema.TextContent) c).text()).build()));
        return (result.structuredContent() != null ? modern.structuredContent(result.structuredContent()) : modern)
                .build();
    }

    private static McpSchema.ReadResourceResult read(io.modelcontextprotocol.spec.McpSchema.ReadResourceResult read) {
        return McpSchema.ReadResourceResult.builder(read.contents().stream().map(c -> {
            io.modelcontextprotocol.spec.McpSchema.TextResourceContents text =
                    (io.modelcontextprotocol.spec.McpSchema.TextResourceContents) c;
            return (McpSchema.ResourceContents) McpSchema.TextResourceContents.builder(text.uri(), text.text())
                    .mimeType(text.mimeType()).build();
        }).toList()).ttlMs(0).cacheScope(McpSchema.CacheScope.PRIVATE).build();
    }

    private static McpSchema.Prompt prompt(io.modelcontextprotocol.spec.McpSchema.Prompt prompt) {
        return McpSchema.Prompt.builder(prompt.name()).title(prompt.title()).description(prompt.description())
                .arguments(prompt.arguments().stream().map(a -> McpSchema.PromptArgument.builder(a.name())
                        .description(a.description()).required(a.required()).build()).toList())
                .build();
    }

    private static McpSchema.GetPromptResult prompted(io.modelcontextprotocol.spec.McpSchema.GetPromptResult got) {
        return McpSchema.GetPromptResult.builder(got.messages().stream().map(m -> McpSchema.PromptMessage.builder(
                McpSchema.Role.USER, content(m.content())).build()).toList()).description(got.description()).build();
    }

    private static McpSchema.Content content(io.modelcontextprotocol.spec.McpSchema.Content content) {
        if (content instanceof io.modelcontextprotocol.spec.McpSchema.EmbeddedResource embedded) {
            io.modelcontextprotocol.spec.McpSchema.TextResourceContents text =
                    (io.modelcontextprotocol.spec.McpSchema.TextResourceContents) embedded.resource();
            return McpSchema.EmbeddedResource.builder(McpSchema.TextResourceContents.builder(text.uri(),
                    text.text()).mimeType(text.mimeType()).build()).build();
        }
        return McpSchema.TextContent.builder(((io.modelcontextprotocol.spec.McpSchema.TextContent) content).text())
                .build();
    }

    private static Map<String, Object> toObjects(Map<String, String> arguments) {
        return arguments == null ? Map.of() : Map.copyOf(arguments);
    }

    /** The hub's refusals, with their codes and data, as the 2026-07-28 server answers errors. */
    private static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (McpError error) {
            io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError detail = error.getJsonRpcError();
            throw new McpException(new JsonRpc.JSONRPCResponse.JSONRPCError(detail.code(), detail.message(),
                    detail.data()));
        }
    }
}
