/**
 * The REST front door's Camel side: the route configuration every REST route shares, with its edge policy steps
 * (request id, body limit, and the other policies' steps in their feature packages) and its error mapping (faults
 * to {@code application/problem+json}), and the operation each REST route serves.
 */
package cc.chitty.connect.hub.rest;
