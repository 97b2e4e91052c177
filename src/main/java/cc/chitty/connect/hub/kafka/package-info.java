/**
 * The Kafka clients the hub builds: one configuration block ({@code hub.kafka}: bootstrap servers, security
 * protocol, SASL, TLS) that Camel's Kafka component and every client of the hub's own take, and the one shared
 * {@code Admin}.
 */
package cc.chitty.connect.hub.kafka;
