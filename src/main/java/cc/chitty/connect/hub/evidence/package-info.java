/** ChittyEvidence uploads: the REST door's multipart form and the capability that sends a file upstream. */
package cc.chitty.connect.hub.evidence;
