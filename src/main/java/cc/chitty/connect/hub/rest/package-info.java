/**
 * The REST front door's Camel side: the error mapping every REST route shares (faults to
 * {@code application/problem+json}) and the route configuration that lets capability routes' failures reach it.
 */
package cc.chitty.connect.hub.rest;
