/**
 * Traces: one W3C trace context from a door (REST, MCP, webhook) through the Camel routes, the Kafka record and its
 * consumer to the upstream calls, exported over OTLP only when an endpoint is configured.
 */
package cc.chitty.connect.hub.tracing;
