package cc.chitty.connect.hub.audit;

import java.util.List;
import java.util.Map;

import cc.chitty.connect.hub.upstream.FaultClassifier;
import cc.chitty.connect.hub.upstream.UpstreamCall;
import cc.chitty.connect.hub.web.RequestIdFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.StreamCache;
import org.apache.camel.support.RoutePolicySupport;
import org.springframework.stereotype.Component;

/**
 * {@code routePolicy: auditPolicy} on a capability route audits every call of it, through whichever door: the
 * operation is the route id, the actor the {@value ClientHeader#NAME} the door set, the target the identifier in
 * the answer ({@code chittyId}, {@code evidenceId} or {@code id}), the outcome {@code success} or the failure's class.
 */
@Component("auditPolicy")
class AuditRoutePolicy extends RoutePolicySupport {

    private final AuditLog auditLog;
    private final FaultClassifier faults;
    private final ObjectMapper mapper;

    AuditRoutePolicy(AuditLog auditLog, FaultClassifier faults, ObjectMapper mapper) {
        this.auditLog = auditLog;
        this.faults = faults;
        this.mapper = mapper;
    }

    private static final List<String> TARGET_FIELDS = List.of("chittyId", "evidenceId", "id");
    private static final String ACTOR = "auditActor";
    private static final String REQUEST_ID = "auditRequestId";

    /** Caller and request id are taken on the way in: the upstream's answer replaces the message headers. */
    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        exchange.setProperty(ACTOR, exchange.getMessage().getHeader(ClientHeader.NAME, "unknown", String.class));
        exchange.setProperty(REQUEST_ID, exchange.getMessage().getHeader(RequestIdFilter.HEADER, String.class));
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        Throwable failure = exchange.getException();
        String outcome = failure == null ? "success"
                : faults.classify(failure, exchange.getProperty(UpstreamCall.SERVICE, String.class)).errorClass().id();
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        auditLog.record(AuditEntry.of(exchange.getProperty(ACTOR, String.class), route.getRouteId(),
                failure == null ? targetOf(exchange) : null, outcome, exchange.getProperty(REQUEST_ID, String.class),
                status == null ? null : Map.of("upstreamStatus", status)));
    }

    private String targetOf(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        try {
            String text = exchange.getContext().getTypeConverter().convertTo(String.class, exchange, body);
            JsonNode answer = text == null ? null : mapper.readTree(text);
            if (answer == null || !answer.isObject()) {
                return null;
            }
            for (String field : TARGET_FIELDS) {
                if (answer.hasNonNull(field)) {
                    return answer.get(field).asText();
                }
            }
            return null;
        } catch (Exception notJson) {
            return null;
        } finally {
            if (body instanceof StreamCache cache) {
                cache.reset();
            }
        }
    }
}
