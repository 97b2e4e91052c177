package cc.chitty.connect.hub.rest;

import java.util.Map;

import cc.chitty.connect.hub.security.Client;
import cc.chitty.connect.hub.web.EdgeRefusals;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.Refusal;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * What the REST door's policy steps share on an exchange, in Camel terms only (no engine's request or response):
 * the client the authentication step found, the headers every answer carries (the request id, the rate limit's),
 * and how a step refuses: the problem as the answer, with the headers every answer carries, counted as
 * {@code hub_edge_refusals_total{door="rest"}}, and the route stopped so that nothing after the step runs.
 */
@Component
public class RestEdge {

    static final String REQUEST_ID = "hub.requestId";
    private static final String CLIENT = "hub.client";
    private static final String ANSWER_HEADERS = "hub.answerHeaders";

    private final ObjectMapper mapper;
    private final EdgeRefusals refusals;

    RestEdge(ObjectMapper mapper, EdgeRefusals refusals) {
        this.mapper = mapper;
        this.refusals = refusals;
    }

    /** Answers the refusal instead of running the route. */
    public void refuse(Exchange exchange, Refusal refusal) {
        Problem problem = refusal.problem();
        refusals.refused(problem, EdgeRefusals.REST);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        message.setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
        refusal.headers().forEach(message::setHeader);
        message.setBody(problem.toJson(mapper));
        RestAnswerHeaders.putOn(exchange);
        exchange.setRouteStop(true);
    }

    public static void authenticated(Exchange exchange, Client client) {
        exchange.setProperty(CLIENT, client);
    }

    /** The client the authentication step accepted. */
    public static Client client(Exchange exchange) {
        return exchange.getProperty(CLIENT, Client.class);
    }

    /** Headers (the rate limit's) the answer carries whatever it turns out to be, a failure's problem included. */
    public static void answerWith(Exchange exchange, Map<String, String> headers) {
        exchange.setProperty(ANSWER_HEADERS, headers);
    }

    /** The request's path as the client wrote it (no decoding), without the query, whichever engine mapped it. */
    public static String rawPath(Exchange exchange) {
        String uri = exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
        int query = uri == null ? -1 : uri.indexOf('?');
        return uri == null ? "" : query < 0 ? uri : uri.substring(0, query);
    }

    static Map<String, String> answerHeaders(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, String> kept = exchange.getProperty(ANSWER_HEADERS, Map.class);
        return kept == null ? Map.of() : kept;
    }
}
