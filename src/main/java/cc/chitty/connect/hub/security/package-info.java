/**
 * Who may call the hub: API keys for REST and MCP clients (stored as hashes, checked on every request with a
 * short cache), HTTP Basic operator credentials for the admin API, Hawtio and Jolokia.
 */
package cc.chitty.connect.hub.security;
