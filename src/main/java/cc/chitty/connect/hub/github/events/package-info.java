/**
 * The Kafka backbone of GitHub deliveries: the topics and their durability, the producer the door publishes with,
 * the consumer that applies each delivery once (idempotent by {@code X-GitHub-Delivery}, bounded retries, a
 * dead-letter topic operators replay from), its lag, the forgetting of old delivery ids, and the reconciler that
 * asks GitHub to redeliver what the hub never accepted.
 */
package cc.chitty.connect.hub.github.events;
