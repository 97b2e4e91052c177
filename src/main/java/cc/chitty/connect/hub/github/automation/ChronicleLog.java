package cc.chitty.connect.hub.github.automation;

import java.util.LinkedHashMap;
import java.util.Map;

import cc.chitty.connect.hub.capability.CapabilityCaller;
import cc.chitty.connect.hub.capability.CapabilityFailure;
import cc.chitty.connect.hub.github.client.GitHubClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs GitHub events to ChittyChronicle through the capability {@code chittychronicle.log}, whose schema checks the
 * entry and stamps it with the time. Soft: a Chronicle outage is logged and never fails the event, as in the
 * original.
 */
@Component
public class ChronicleLog {

    private static final Logger log = LoggerFactory.getLogger(ChronicleLog.class);

    private final CapabilityCaller capabilities;

    ChronicleLog(CapabilityCaller capabilities) {
        this.capabilities = capabilities;
    }

    public void record(String eventType, String entityId, Map<String, Object> data) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("eventType", eventType);
        entry.put("entityId", entityId);
        entry.put("data", data);
        try {
            capabilities.request("chittychronicle.log", GitHubClient.ACTOR).json(entry).call();
        } catch (CapabilityFailure failure) {
            log.warn("ChittyChronicle did not record {} for {}: {}", eventType, entityId,
                    failure.fault().errorClass().id());
        }
    }
}
