package cc.chitty.connect.hub.github;

import java.util.Map;

import cc.chitty.connect.hub.upstream.UpstreamCall;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * One call through a service's upstream connector ({@code direct:upstream.<service>}) with an optional JSON body and
 * headers of its own (a per-call credential, {@code X-ChittyID}); the answer (or the classified failure) is on the
 * returned exchange.
 */
@Component
public class ConnectorCall {

    private final ProducerTemplate producer;

    ConnectorCall(ProducerTemplate producer) {
        this.producer = producer;
    }

    public Exchange send(String service, String method, String path, String query, Map<String, String> headers,
            byte[] json) {
        return producer.send("direct:upstream." + service, exchange -> {
            exchange.setProperty(UpstreamCall.METHOD, method);
            exchange.setProperty(UpstreamCall.PATH, path);
            exchange.setProperty(UpstreamCall.QUERY, query);
            exchange.setProperty(UpstreamCall.HEADERS, headers);
            if (json != null) {
                exchange.getMessage().setBody(json);
                exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            }
        });
    }
}
