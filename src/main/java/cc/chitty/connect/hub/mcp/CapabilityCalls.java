package cc.chitty.connect.hub.mcp;

import java.util.Map;

import cc.chitty.connect.hub.capability.CapabilityCaller;
import cc.chitty.connect.hub.capability.CapabilityFailure;
import cc.chitty.connect.hub.capability.CapabilityRequest;
import org.springframework.stereotype.Component;

/**
 * An MCP call of a capability through {@link CapabilityCaller}, made as the MCP caller: its client is the audited
 * client ({@code key:<id>} or {@code oauth:<subject>}), its request id travels on. A String body is the client's JSON.
 */
@Component
class CapabilityCalls {

    private final CapabilityCaller capabilities;

    CapabilityCalls(CapabilityCaller capabilities) {
        this.capabilities = capabilities;
    }

    /** The capability's answer body; a {@link CapabilityFailure} when it failed. */
    String call(String capability, Object body, Map<String, ?> headers, Caller caller) {
        CapabilityRequest request = capabilities.request(capability, caller.client().name())
                .requestId(caller.requestId()).parameters(headers);
        if (body instanceof String json) {
            request.json(json);
        } else {
            request.body(body);
        }
        return request.call().text();
    }
}
