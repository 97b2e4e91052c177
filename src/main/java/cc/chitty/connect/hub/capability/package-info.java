/**
 * Capabilities: the routes ({@code direct:<capability id>}, declared in {@code routes/*.camel.yaml}) that check a
 * request and hand it to a service's connector, the beans those routes use, and {@link
 * cc.chitty.connect.hub.capability.CapabilityCaller}, the one way Java code calls one. Nothing outside a capability
 * route or the connector itself names {@code direct:upstream.*}.
 */
package cc.chitty.connect.hub.capability;
