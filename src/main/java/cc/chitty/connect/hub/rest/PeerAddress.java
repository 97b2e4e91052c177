package cc.chitty.connect.hub.rest;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * The address of the connection's peer, the one fact about a request that an engine keeps outside the message's
 * headers: the public port's Vert.x engine in its request, which only this class reads.
 */
public final class PeerAddress {

    private PeerAddress() {
    }

    public static String of(Exchange exchange) {
        if (exchange.getIn() instanceof HttpMessage vertx) {
            return vertx.getRequest().remoteAddress().hostAddress();
        }
        throw new IllegalStateException("No peer address known for a message of " + exchange.getIn().getClass());
    }
}
