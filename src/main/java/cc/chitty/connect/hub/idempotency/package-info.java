/**
 * {@code Idempotency-Key} on REST writes: the first response to a (key owner, Idempotency-Key) pair is stored in
 * PostgreSQL and replayed for a day, so a client's retry never causes a second upstream effect.
 */
package cc.chitty.connect.hub.idempotency;
