/**
 * What GitHub calls: {@code POST /integrations/github/webhook}, a platform-http route (signature checked over the raw
 * bytes, then a Kafka record acknowledged by the broker before GitHub gets its 202), and the App's install callback.
 */
package cc.chitty.connect.hub.github.door;
