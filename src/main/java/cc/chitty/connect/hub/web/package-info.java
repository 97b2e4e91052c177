/**
 * The HTTP edge every door shares: request ids, body limits, content types, the problem+json format for errors
 * and the allow-list of response headers.
 */
package cc.chitty.connect.hub.web;
