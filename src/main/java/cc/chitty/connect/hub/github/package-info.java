/**
 * The GitHub App, in four parts: {@code door} (the webhook intake and the install callback), {@code events} (the
 * Kafka backbone: topics, the consumer that applies each delivery once, dead letters, redelivery), {@code automation}
 * (what a delivery does: the original's automations, installation rows, ChittyChronicle entries) and {@code client}
 * (GitHub's REST API with the App JWT and installation tokens). Here: the {@code hub.github} configuration, the
 * header names every part shares, and the call through an upstream connector.
 */
package cc.chitty.connect.hub.github;
