package cc.chitty.connect.hub.github;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cc.chitty.connect.hub.upstream.UpstreamCall;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs GitHub events to ChittyChronicle through its connector. Soft: a Chronicle outage is logged and never fails
 * the event, as in the original.
 */
@Component
class ChronicleLog {

    private static final Logger log = LoggerFactory.getLogger(ChronicleLog.class);

    private final ProducerTemplate producer;
    private final ObjectMapper mapper;

    ChronicleLog(ProducerTemplate producer, ObjectMapper mapper) {
        this.producer = producer;
        this.mapper = mapper;
    }

    void record(String eventType, String entityId, Map<String, Object> data) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("eventType", eventType);
        entry.put("entityId", entityId);
        entry.put("timestamp", Instant.now().toString());
        entry.put("data", data);
        try {
            byte[] body = mapper.writeValueAsBytes(entry);
            Exchange result = producer.send("direct:upstream.chittychronicle", exchange -> {
                exchange.setProperty(UpstreamCall.METHOD, "POST");
                exchange.setProperty(UpstreamCall.PATH, "/api/entries");
                exchange.getMessage().setBody(body);
                exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            });
            if (result.getException() != null) {
                log.warn("ChittyChronicle did not record {} for {}: {}", eventType, entityId,
                        result.getException().getClass().getSimpleName());
            }
        } catch (Exception e) {
            log.warn("ChittyChronicle did not record {} for {}: {}", eventType, entityId, e.getClass().getSimpleName());
        }
    }
}
