/**
 * The GitHub App: the webhook intake (signature checked over the raw bytes, then a Kafka record acknowledged by
 * the broker before GitHub gets its 202), the consumer that applies each delivery once (idempotent by
 * {@code X-GitHub-Delivery}, bounded retries, a dead-letter topic operators replay from), the automations of the
 * original, App authentication, the install callback and the reconciler that asks GitHub to redeliver failures.
 */
package cc.chitty.connect.hub.github;
