/**
 * Changes of capability answers told to every hub instance: PostgreSQL LISTEN/NOTIFY on the database the instances
 * share, announced only when an answer's content changed, so MCP clients can be notified whichever instance saw it.
 */
package cc.chitty.connect.hub.changes;
