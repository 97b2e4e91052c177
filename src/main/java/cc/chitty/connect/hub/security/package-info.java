/**
 * Who may call the hub: API keys for REST and MCP clients (stored as hashes, checked on every request with a
 * short cache) and, when an issuer is configured, OAuth 2.1 access tokens beside them (the hub as an RFC 9728
 * protected resource); HTTP Basic operator credentials for the admin API, Hawtio and Jolokia.
 */
package cc.chitty.connect.hub.security;
