package cc.chitty.connect.hub.capability;

import cc.chitty.connect.hub.audit.ClientHeader;
import cc.chitty.connect.hub.upstream.FaultClassifier;
import cc.chitty.connect.hub.upstream.UpstreamCall;
import cc.chitty.connect.hub.web.RequestIdFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Calls a capability route ({@code direct:<capability id>}) from Java: MCP tools, GitHub automations, context
 * initialisation and caches reach an upstream service only this way.
 * <p>
 * Guarantees: the capability gets the request as the REST door hands it over (the body, request-line parameters as
 * headers, the caller in {@code X-Hub-Client} for the audit, the request id), so its schema check, canonical values
 * and audit apply to Java callers too; headers a call adds upstream (a per-call credential, {@code X-ChittyID}) travel
 * as the {@link UpstreamCall#HEADERS} property, out of reach of anything a client sends; every failure comes back as
 * one {@link CapabilityFailure} holding the classified {@link cc.chitty.connect.hub.upstream.Fault}.
 */
@Component
public class CapabilityCaller {

    private final ProducerTemplate producer;
    private final FaultClassifier faults;
    private final ObjectMapper mapper;

    CapabilityCaller(ProducerTemplate producer, FaultClassifier faults, ObjectMapper mapper) {
        this.producer = producer;
        this.faults = faults;
        this.mapper = mapper;
    }

    /** A call of the capability on behalf of {@code client}, the actor its audit entry names (e.g. {@code key:3}). */
    public CapabilityRequest request(String capability, String client) {
        return new CapabilityRequest(this, mapper, capability, client);
    }

    CapabilityAnswer send(CapabilityRequest request) {
        Exchange answered = producer.send("direct:" + request.capability(), exchange -> {
            Message message = exchange.getMessage();
            request.parameters().forEach(message::setHeader);
            message.setHeader(ClientHeader.NAME, request.client());
            if (request.requestId() != null) {
                message.setHeader(RequestIdFilter.HEADER, request.requestId());
            }
            if (request.contentType() != null) {
                message.setHeader(Exchange.CONTENT_TYPE, request.contentType());
            }
            message.setBody(request.body());
            if (request.isFresh()) {
                exchange.setProperty(CapabilityRequest.FRESH, true);
            }
            if (!request.upstreamHeaders().isEmpty()) {
                exchange.setProperty(UpstreamCall.HEADERS, request.upstreamHeaders());
            }
        });
        Exception failure = answered.getException();
        if (failure != null) {
            throw new CapabilityFailure(faults.classify(failure, answered.getProperty(UpstreamCall.SERVICE,
                    String.class)), failure);
        }
        return new CapabilityAnswer(answered.getMessage().getBody(byte[].class), answered.getMessage().getHeaders(),
                mapper);
    }
}
