package cc.chitty.connect.hub.security;

import cc.chitty.connect.hub.rest.RestEdge;
import cc.chitty.connect.hub.rest.RestOperations;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * 403 for a client without the scope of the capability the route runs ({@link OperationScopes}, resolved once per
 * capability), with the {@code insufficient_scope} challenge.
 */
@Component("restScope")
class RestScope implements Processor {

    private final RestOperations operations;
    private final OperationScopes scopes;
    private final Credentials credentials;
    private final RestEdge edge;

    RestScope(RestOperations operations, OperationScopes scopes, Credentials credentials, RestEdge edge) {
        this.operations = operations;
        this.scopes = scopes;
        this.credentials = credentials;
        this.edge = edge;
    }

    @Override
    public void process(Exchange exchange) {
        String required = scopes.requiredFor(operations.of(exchange).capability());
        if (!OperationScopes.grants(RestEdge.client(exchange).scopes(), required)) {
            edge.refuse(exchange, credentials.insufficientScope(required, false));
        }
    }
}
