/**
 * The audit trail of sensitive operations (ChittyID mint, bank connect, key management, dead-letter replay): who,
 * what, on which target, with what outcome, under which request id. Never holds secrets.
 */
package cc.chitty.connect.hub.audit;
