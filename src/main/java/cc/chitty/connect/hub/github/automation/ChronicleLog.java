package cc.chitty.connect.hub.github.automation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cc.chitty.connect.hub.github.ConnectorCall;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs GitHub events to ChittyChronicle through its connector. Soft: a Chronicle outage is logged and never fails
 * the event, as in the original.
 */
@Component
public class ChronicleLog {

    private static final Logger log = LoggerFactory.getLogger(ChronicleLog.class);

    private final ConnectorCall connector;
    private final ObjectMapper mapper;

    ChronicleLog(ConnectorCall connector, ObjectMapper mapper) {
        this.connector = connector;
        this.mapper = mapper;
    }

    public void record(String eventType, String entityId, Map<String, Object> data) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("eventType", eventType);
        entry.put("entityId", entityId);
        entry.put("timestamp", Instant.now().toString());
        entry.put("data", data);
        try {
            Exchange result = connector.send("chittychronicle", "POST", "/api/entries", null, Map.of(),
                    mapper.writeValueAsBytes(entry));
            if (result.getException() != null) {
                log.warn("ChittyChronicle did not record {} for {}: {}", eventType, entityId,
                        result.getException().getClass().getSimpleName());
            }
        } catch (Exception e) {
            log.warn("ChittyChronicle did not record {} for {}: {}", eventType, entityId, e.getClass().getSimpleName());
        }
    }
}
