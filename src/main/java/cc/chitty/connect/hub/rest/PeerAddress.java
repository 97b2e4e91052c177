package cc.chitty.connect.hub.rest;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;

/**
 * The address of the connection's peer, the one fact about a request that an engine keeps outside the message's
 * headers: the servlet engine in its request, which only this class reads. (Vert.x's platform-http puts it in the
 * {@code CamelVertxPlatformHttpRemoteAddress} header.)
 */
public final class PeerAddress {

    private PeerAddress() {
    }

    public static String of(Exchange exchange) {
        if (exchange.getIn() instanceof PlatformHttpMessage servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        throw new IllegalStateException("No peer address known for a message of " + exchange.getIn().getClass());
    }
}
