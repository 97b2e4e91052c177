/**
 * GitHub's REST API through its capabilities ({@code routes/github.camel.yaml}), with the App's own JWT or an
 * installation's access token.
 */
package cc.chitty.connect.hub.github.client;
