package cc.chitty.connect.hub.rest;

/**
 * What the REST door's policies need to know about one REST operation, resolved from its route once
 * ({@link RestOperations}).
 *
 * @param capability the capability id the operation runs (its {@code direct:} target), which keys its scope and rate
 *     tier; an operation that calls no capability is named by its path, which no scope names
 * @param path the operation's path template, as configuration names it ({@code /api/chittyevidence/ingest})
 * @param bodyLimit the most bytes its request body may have
 * @param upload whether it takes {@code multipart/form-data} rather than JSON
 */
public record RestOperation(String capability, String path, long bodyLimit, boolean upload) {
}
