/**
 * GitHub's REST API through the {@code github} upstream connector, with the App's own JWT or an installation's
 * access token.
 */
package cc.chitty.connect.hub.github.client;
