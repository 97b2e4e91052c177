/**
 * The public port: a Vert.x server (Camel's platform-http engine) that serves the REST door's routes, answers
 * /health and /openapi.json itself (and, through mcp/PublicToolCalls, MCP's plain tools/call), hides the operator
 * surface, and forwards every other public path to Tomcat, which listens on the management port.
 */
package cc.chitty.connect.hub.edge;
