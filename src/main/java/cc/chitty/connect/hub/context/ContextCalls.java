package cc.chitty.connect.hub.context;

import java.io.IOException;
import java.util.Map;

import cc.chitty.connect.hub.audit.ClientHeader;
import cc.chitty.connect.hub.upstream.UpstreamCall;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.springframework.stereotype.Component;

/**
 * The calls the context initialisation makes: the mint through the ChittyID capability (checked and audited as
 * any other mint), the rest through each service's connector with the context's ChittyID in {@code X-ChittyID}.
 */
@Component
class ContextCalls {

    static final String ACTOR = "hub:context-init";

    private final ProducerTemplate producer;
    private final ObjectMapper mapper;

    ContextCalls(ProducerTemplate producer, ObjectMapper mapper) {
        this.producer = producer;
        this.mapper = mapper;
    }

    JsonNode mint(Map<String, Object> request) {
        return answer(producer.send("direct:chittyid.mint", exchange -> {
            exchange.getMessage().setHeader(ClientHeader.NAME, ACTOR);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setBody(json(request));
        }));
    }

    JsonNode post(String service, String path, String chittyid, Map<String, Object> request) {
        return answer(producer.send("direct:upstream." + service, exchange -> {
            exchange.setProperty(UpstreamCall.METHOD, "POST");
            exchange.setProperty(UpstreamCall.PATH, path);
            exchange.setProperty(UpstreamCall.HEADERS, Map.of("X-ChittyID", chittyid));
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setBody(json(request));
        }));
    }

    String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the context request", e);
        }
    }

    private JsonNode answer(Exchange result) {
        if (result.getException() != null) {
            throw RuntimeCamelException.wrapRuntimeCamelException(result.getException());
        }
        try {
            return mapper.readTree(result.getMessage().getBody(String.class));
        } catch (IOException e) {
            throw new IllegalStateException("the answer is not JSON", e);
        }
    }
}
