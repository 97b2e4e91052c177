/**
 * Real servers started inside the hub's JVM (KRaft Kafka) or beside it (PostgreSQL) when no external ones are
 * configured, so the default run and the tests need nothing but a JDK and Maven.
 */
package cc.chitty.connect.hub.embedded;
