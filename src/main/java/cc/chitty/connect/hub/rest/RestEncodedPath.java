package cc.chitty.connect.hub.rest;

import cc.chitty.connect.hub.web.EncodedPaths;
import cc.chitty.connect.hub.web.Refusal;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** 400 for a request whose path was written {@linkplain EncodedPaths encoded}, before any check reads the path. */
@Component("restEncodedPath")
class RestEncodedPath implements Processor {

    private final RestEdge edge;

    RestEncodedPath(RestEdge edge) {
        this.edge = edge;
    }

    @Override
    public void process(Exchange exchange) {
        if (EncodedPaths.isEncoded(RestEdge.rawPath(exchange))) {
            edge.refuse(exchange, Refusal.of(EncodedPaths.problem()));
        }
    }
}
