package cc.chitty.connect.hub.rest;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.springframework.stereotype.Component;

/**
 * The global route configuration (no id), which Camel applies to every route that names none: the routes the REST
 * DSL generates. Guarantees, for every REST operation, whichever engine serves it:
 * <ul>
 *   <li>its edge policies run in this order before the route's own step, each a named processor in the route
 *   model (and so in Hawtio): request id, encoded path (400), body limit (413), credentials (401, 403, 429 for an address that spent its
 *   401s), scope (403), the client's rate limit (429), {@code Idempotency-Key} (400, 409, 422, or the stored
 *   answer replayed); a step that refuses answers problem+json, counts the refusal as
 *   {@code hub_edge_refusals_total{door="rest"}} and ends the exchange;</li>
 *   <li>any failure of the route is answered by {@link RestProblemResponder};</li>
 *   <li>before the engine writes any answer, the {@code Idempotency-Key} claim is settled and the request id and
 *   rate-limit headers are put on it.</li>
 * </ul>
 * The policies read nothing but the exchange (headers, body, the route it came in through), never an engine's
 * request object; the peer's address, which no header holds, is {@link PeerAddress}'s business.
 */
@Component
class RestDoorRouteConfiguration extends RouteConfigurationBuilder {

    /** The REST DSL's consumers; every other route without a configuration of its own (timers) runs no policy. */
    private static final String REST_DOOR = "rest:*";

    private final RestProblemResponder responder;

    RestDoorRouteConfiguration(RestProblemResponder responder) {
        this.responder = responder;
    }

    @Override
    public void configuration() {
        RouteConfigurationDefinition door = routeConfiguration();
        door.interceptFrom(REST_DOOR)
                .process("restRequestId")
                .process("restEncodedPath")
                .process("restBodyLimit")
                .process("restAuthentication")
                .process("restScope")
                .process("restRateLimit")
                .process("restIdempotency");
        door.onException(Exception.class)
                .handled(true)
                .process(responder);
        door.onCompletion().modeBeforeConsumer()
                .process("restIdempotencyCompletion")
                .process("restAnswerHeaders");
    }
}
