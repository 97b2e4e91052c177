package cc.chitty.connect.hub.context;

import java.util.Map;

import cc.chitty.connect.hub.capability.CapabilityCaller;
import cc.chitty.connect.hub.capability.CapabilityFailure;
import cc.chitty.connect.hub.capability.CapabilityRequest;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * The calls the context initialisation makes: each step's capability ({@code hub.context.steps}), checked against
 * its schema like any other call (and audited where the capability is, as the mint), as the client {@value #ACTOR},
 * and, once the context has its ChittyID, with it in {@code X-ChittyID}.
 */
@Component
class ContextCalls {

    static final String ACTOR = "hub:context-init";

    private final CapabilityCaller capabilities;

    ContextCalls(CapabilityCaller capabilities) {
        this.capabilities = capabilities;
    }

    /** The capability's JSON answer; a {@link CapabilityFailure} when it failed. */
    JsonNode call(String capability, String chittyid, Map<String, Object> request) {
        CapabilityRequest call = capabilities.request(capability, ACTOR).json(request);
        if (chittyid != null) {
            call.upstreamHeader("X-ChittyID", chittyid);
        }
        return call.call().json();
    }
}
