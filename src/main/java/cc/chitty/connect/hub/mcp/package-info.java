/**
 * The MCP front door: the Model Context Protocol over stateless Streamable HTTP at {@code /mcp}, the legacy HTTP+SSE
 * transport at {@code /mcp/sse}, and the original's REST imitation under {@code /mcp/...}, all served from one
 * catalogue of tools, resources and prompts whose tools call the same capability routes as the REST door.
 */
package cc.chitty.connect.hub.mcp;
