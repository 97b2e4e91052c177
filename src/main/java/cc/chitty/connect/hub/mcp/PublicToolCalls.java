package cc.chitty.connect.hub.mcp;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cc.chitty.connect.hub.edge.PublicPaths;
import cc.chitty.connect.hub.edge.PublicRouteOrder;
import cc.chitty.connect.hub.edge.TomcatForward;
import cc.chitty.connect.hub.ratelimit.ClientAddress;
import cc.chitty.connect.hub.ratelimit.FailureThrottle;
import cc.chitty.connect.hub.ratelimit.RateLimiter;
import cc.chitty.connect.hub.ratelimit.RequestLimit;
import cc.chitty.connect.hub.security.ClientAuthentication;
import cc.chitty.connect.hub.security.Credentials;
import cc.chitty.connect.hub.web.AnswerHeaders;
import cc.chitty.connect.hub.web.HttpLimitsProperties;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.ProblemErrorController;
import cc.chitty.connect.hub.web.RequestIdFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * MCP's busiest request, the plain sessionless {@code tools/call} of either generation, answered on the public port
 * itself instead of over the loopback hop to Tomcat: exactly the requests that Tomcat's {@link McpRevisionRouter}
 * hands to {@link StatelessToolCall} or {@link ModernToolCall} ({@link McpRevisionRouter#destinationOf}, then their
 * own {@code taken}), from a client whose credential is valid and who is within its limit. The call is the same
 * capability call (the same classes: {@link ToolDispatcher}, {@link McpCallGate}, {@code direct:<capability>}), made
 * on a worker thread, never on the event loop.
 * <p>
 * Guarantees:
 * <ul>
 *   <li>the answer is Tomcat's, byte for byte and header for header: status, {@code Content-Type}, body, the
 *   request id ({@code X-Request-ID}, the client's when sane, else a new one), the rate limit's headers, CORS's
 *   {@code Vary} and Spring Security's headers ({@link AnswerHeaders}), {@code Connection: close} after a status
 *   Tomcat drops the connection for; it counts in {@code http_server_requests_seconds} under the tags Tomcat gives
 *   {@code /mcp} ({@code uri="UNKNOWN"});</li>
 *   <li>the edge policies are the same code as Tomcat's: the credential by {@link Credentials#validOnly} (API key or,
 *   with an issuer, access token; the client's address as {@code hub.rate-limit.trusted-proxies} names it), the
 *   per-request limit from the same buckets ({@link RequestLimit}), the params' shape ({@link JsonRpcParamsGuard}),
 *   scope and tool tier in {@link McpCallGate}, whose JSON-RPC refusals this class answers like any other result;</li>
 *   <li>every request it does not answer goes to Tomcat as before, refusals included, so they are Tomcat's to the
 *   byte and counted once: untouched and unread when its headers already say so (another path or method, a
 *   query, an {@code Origin} (CORS and the Origin guard are Tomcat's), an {@code Mcp-Session-Id}, an
 *   {@code Expect}, a chunked body, or one announced past the limit, which the forwarder answers 413), otherwise
 *   with the body read here, when the body or headers are not the plain shape (not JSON, a batch, a notification,
 *   params of the wrong shape, another method, an unknown tool), the credential is missing or not valid, the client
 *   is over its limit (a refused token is not spent, so Tomcat refuses it again), or a check failed (the database):
 *   nothing is charged or spent here for a request Tomcat then answers;</li>
 *   <li>the call is Spring's HTTP server observation, as Tomcat's: its span continues the caller's
 *   {@code traceparent}.</li>
 * </ul>
 * A failure of the call itself (after the tokens were taken, when the tool may have run) is answered here, with
 * the problem Tomcat's error page makes of it ({@link ProblemErrorController#problemOf}: 503 when the database was
 * unreachable, else 500), never forwarded to run again.
 */
@Component
class PublicToolCalls implements PublicPaths {

    private static final Logger log = LoggerFactory.getLogger(PublicToolCalls.class);
    private static final String PATH = "/mcp";
    // the statuses after which Tomcat closes an HTTP/1 connection, saying so (Http11Processor#statusDropsConnection)
    private static final Set<Integer> DROPS_CONNECTION = Set.of(400, 408, 411, 413, 414, 500, 501, 503);
    // HTTP's IMF-fixdate, as Tomcat writes it: a two-digit day (RFC_1123_DATE_TIME writes "6 Dec")
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private final StatelessToolCall stateless;
    private final ModernToolCall modern;
    private final List<String> initializeVersions;
    private final JsonRpcParamsGuard params;
    private final Credentials credentials;
    private final FailureThrottle throttle;
    private final RequestLimit limit;
    private final long bodyLimit;
    private final TomcatForward tomcat;
    private final ObservationRegistry observations;
    private final ObjectMapper mapper;

    PublicToolCalls(StatelessToolCall stateless, ModernToolCall modern, HttpServletStatelessServerTransport transport,
            JsonRpcParamsGuard params, Credentials credentials, FailureThrottle throttle, RequestLimit limit,
            HttpLimitsProperties limits, TomcatForward tomcat, ObservationRegistry observations,
            ObjectMapper mapper) {
        this.stateless = stateless;
        this.modern = modern;
        this.initializeVersions = List.copyOf(transport.protocolVersions());
        this.params = params;
        this.credentials = credentials;
        this.throttle = throttle;
        this.limit = limit;
        this.bodyLimit = limits.limitFor(PATH);
        this.tomcat = tomcat;
        this.observations = observations;
        this.mapper = mapper;
    }

    @Override
    public void mountOn(Router router) {
        router.post(PATH).order(PublicRouteOrder.MCP_TOOL_CALLS).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!mayBePlain(request)) {
            context.next();
            return;
        }
        request.body().onFailure(context::fail).onSuccess(body -> context.vertx()
                .executeBlocking(() -> answer(request, body), false)
                .onFailure(context::fail)
                .onSuccess(answered -> {
                    if (answered == null) {
                        tomcat.forward(context, body);
                    } else {
                        write(context.response(), answered);
                    }
                }));
        request.resume();
    }

    /** What the headers alone tell: the request may be plain, and its body is worth reading here. */
    private boolean mayBePlain(HttpServerRequest request) {
        long length = PublicPaths.announcedLength(request);
        return PATH.equals(request.uri()) && request.getHeader(HttpHeaders.ORIGIN) == null
                && request.getHeader(io.modelcontextprotocol.spec.HttpHeaders.MCP_SESSION_ID) == null
                && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null && length > 0 && length <= bodyLimit
                // Tomcat answers the 100 Continue of a forwarded request
                && request.getHeader(HttpHeaders.EXPECT) == null;
    }

    /** On a worker: the answer, or null when Tomcat is to answer the request (nothing charged or spent here). */
    private Answered answer(HttpServerRequest request, Buffer body) {
        McpRequestHeaders headers = request.headers()::getAll;
        String peer = request.remoteAddress().hostAddress();
        String forwardedFor = request.getHeader(ClientAddress.FORWARDED_FOR);
        JsonNode message = params.parsed(body.getBytes());
        if (message == null || params.invalidParams(message) != null) {
            return null;
        }
        McpRevisionRouter.Destination destination =
                McpRevisionRouter.destinationOf("POST", headers, message, initializeVersions);
        DirectToolCall direct = switch (destination) {
            case MODERN_BY_HEADER -> modern;
            case OLDER -> stateless;
            default -> null;
        };
        ToolCallMessage call = direct == null ? null : direct.taken(headers, message);
        if (call == null) {
            return null;
        }
        Optional<ClientAuthentication> client;
        Optional<RateLimiter.Decision> decision;
        try {
            client = credentials.validOnly(headers.first(Credentials.API_KEY_HEADER),
                    headers.first(HttpHeaders.AUTHORIZATION.toString()), throttle.addressOf(peer, forwardedFor));
            if (client.isEmpty()) {
                return null;
            }
            decision = limit.take(PATH, client.get().client(), peer, forwardedFor);
        } catch (RuntimeException failed) {
            return null;
        }
        if (decision.isPresent() && !decision.get().allowed()) {
            return null;
        }
        String requestId = RequestIdFilter.idFor(headers.first(RequestIdFilter.HEADER));
        Caller caller = new Caller(client.get().client(), requestId);
        Observation observation = serverObservation(request).start();
        MDC.put(RequestIdFilter.MDC_KEY, requestId);
        Map<String, String> limitHeaders = decision.map(RateLimiter.Decision::headers).orElse(Map.of());
        try (Observation.Scope scope = observation.openScope()) {
            log.debug("tools/call of {} answered on the public port", call.tool().name());
            ToolCallAnswer answer = direct.answer(call, caller);
            observation.lowCardinalityKeyValue("status", String.valueOf(answer.status()))
                    .lowCardinalityKeyValue("outcome", answer.status() < 300 ? "SUCCESS" : "CLIENT_ERROR");
            return new Answered(answer.status(), ToolCallAnswer.CONTENT_TYPE, answer.body(), requestId, limitHeaders);
        } catch (RuntimeException failed) {
            // the tokens are spent and the tool may have run: answered here, as Tomcat's error page answers it
            log.error("tools/call of {} failed inside the hub", call.tool().name(), failed);
            Problem problem = ProblemErrorController.problemOf(failed, 500).requestId(requestId);
            observation.lowCardinalityKeyValue("status", String.valueOf(problem.status()))
                    .lowCardinalityKeyValue("outcome", "SERVER_ERROR")
                    .lowCardinalityKeyValue("exception", failed.getClass().getSimpleName()).error(failed);
            Map<String, String> failureHeaders = new LinkedHashMap<>(limitHeaders);
            Object retryAfter = problem.fields().get("retryAfter");
            if (retryAfter != null) {
                failureHeaders.put("Retry-After", retryAfter.toString());
            }
            return new Answered(problem.status(), Problem.MEDIA_TYPE, problem.toJson(mapper), requestId,
                    failureHeaders);
        } finally {
            MDC.remove(RequestIdFilter.MDC_KEY);
            observation.stop();
        }
    }

    /**
     * Spring's HTTP server observation as Tomcat makes it for {@code /mcp}: the server span, continuing the caller's
     * {@code traceparent}, and the {@code http.server.requests} timer under Tomcat's tags (a servlet outside Spring
     * MVC has no path pattern: {@code uri="UNKNOWN"}).
     */
    private Observation serverObservation(HttpServerRequest request) {
        ReceiverContext<HttpServerRequest> context = new ReceiverContext<>(HttpServerRequest::getHeader, Kind.SERVER);
        context.setCarrier(request);
        return Observation.createNotStarted("http.server.requests", () -> context, observations)
                .contextualName("http post")
                .lowCardinalityKeyValue("method", "POST").lowCardinalityKeyValue("uri", "UNKNOWN")
                .lowCardinalityKeyValue("exception", "none").highCardinalityKeyValue("http.url", PATH);
    }

    /** Tomcat's answer as the forwarder passes it on: its headers in its order, and no reason phrase. */
    private void write(HttpServerResponse response, Answered answered) {
        response.setStatusCode(answered.status()).setStatusMessage("");
        response.putHeader("date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        response.putHeader(RequestIdFilter.HEADER, answered.requestId());
        AnswerHeaders.CORS_VARY.forEach(varies -> response.headers().add("Vary", varies));
        answered.headers().forEach(response::putHeader);
        AnswerHeaders.SECURITY.forEach(response::putHeader);
        // spelt as Tomcat writes them, which the forwarder passes on as they are (over HTTP/2 too)
        response.putHeader("Content-Type", answered.contentType());
        if (DROPS_CONNECTION.contains(answered.status())) {
            response.putHeader("Connection", "close");
        }
        response.end(Buffer.buffer(answered.body()));
    }

    /** What the worker made of the call: the answer, and the headers (the limit's, a failure's) it carries. */
    private record Answered(int status, String contentType, byte[] body, String requestId,
            Map<String, String> headers) {
    }
}
