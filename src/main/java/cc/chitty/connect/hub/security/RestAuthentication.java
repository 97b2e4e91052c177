package cc.chitty.connect.hub.security;

import cc.chitty.connect.hub.audit.ClientHeader;
import cc.chitty.connect.hub.ratelimit.ClientAddress;
import cc.chitty.connect.hub.ratelimit.FailureThrottle;
import cc.chitty.connect.hub.rest.PeerAddress;
import cc.chitty.connect.hub.rest.RestEdge;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.http.HttpHeaders;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * The REST door's credential step ({@link Credentials}): an API key or, with an issuer configured, an OAuth access
 * token names the client, which the following steps read and capabilities see as {@value ClientHeader#NAME}
 * (replacing anything the client sent under that name); any other request is answered with the refusal.
 */
@Component("restAuthentication")
class RestAuthentication implements Processor {

    private final Credentials credentials;
    private final FailureThrottle throttle;
    private final RestEdge edge;

    RestAuthentication(Credentials credentials, FailureThrottle throttle, RestEdge edge) {
        this.credentials = credentials;
        this.throttle = throttle;
        this.edge = edge;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Credentials.Verdict verdict = credentials.check(message.getHeader(Credentials.API_KEY_HEADER, String.class),
                message.getHeader(HttpHeaders.AUTHORIZATION, String.class),
                throttle.addressOf(PeerAddress.of(exchange), message.getHeader(ClientAddress.FORWARDED_FOR, String.class)));
        if (verdict.refusal() != null) {
            edge.refuse(exchange, verdict.refusal());
            return;
        }
        RestEdge.authenticated(exchange, verdict.client());
        message.setHeader(ClientHeader.NAME, verdict.client().name());
    }
}
