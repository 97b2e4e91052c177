package cc.chitty.connect.hub.rest;

import java.util.Optional;

import cc.chitty.connect.hub.edge.PublicPaths;
import cc.chitty.connect.hub.edge.PublicRouteOrder;
import cc.chitty.connect.hub.ratelimit.ClientAddress;
import cc.chitty.connect.hub.ratelimit.RequestLimit;
import cc.chitty.connect.hub.ratelimit.RateLimiter;
import cc.chitty.connect.hub.web.ProblemWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code GET /openapi.json} on the public port: the REST door's contract as loaded right now (routes may be
 * reloaded), served from the hub's public base URL ({@code hub.public-base-url}), or from the origin the request was
 * sent to. Built on a worker thread, as a route runs, since it walks every REST definition; an anonymous caller's
 * {@code default} tier limit is taken there too ({@link RequestLimit}), as Tomcat's rate-limit filter did.
 */
@Component
class OpenApiHandler implements PublicPaths {

    private final OpenApiDocument document;
    private final ObjectMapper json;
    private final RequestLimit limit;
    private final ProblemWriter problems;
    private final String publicBaseUrl;

    OpenApiHandler(OpenApiDocument document, ObjectMapper json, RequestLimit limit, ProblemWriter problems,
            @Value("${hub.public-base-url:}") String publicBaseUrl) {
        this.document = document;
        this.json = json;
        this.limit = limit;
        this.problems = problems;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    @Override
    public void mountOn(Router router) {
        router.get("/openapi.json").order(PublicRouteOrder.OWN_PATHS).handler(this::answer);
    }

    private void answer(RoutingContext context) {
        HttpServerRequest request = context.request();
        String serverUrl = publicBaseUrl.isEmpty() ? request.scheme() + "://" + request.authority() : publicBaseUrl;
        String path = context.normalizedPath();
        String peer = request.remoteAddress().hostAddress();
        String forwardedFor = request.getHeader(ClientAddress.FORWARDED_FOR);
        context.vertx().executeBlocking(() -> {
            Optional<RateLimiter.Decision> decision = limit.take(path, null, peer, forwardedFor);
            return new Answer(decision.orElse(null), decision.map(RateLimiter.Decision::allowed).orElse(true)
                    ? json.writeValueAsBytes(document.build(serverUrl)) : null);
        }, false).onSuccess(answer -> {
            if (answer.decision() != null) {
                answer.decision().headers().forEach(context.response()::putHeader);
            }
            if (answer.body() == null) {
                problems.write(context, answer.decision().problem());
                return;
            }
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Buffer.buffer(answer.body()));
        }).onFailure(context::fail);
    }

    /** What the worker found: the limit's decision (null when the path is not limited) and the body, if allowed. */
    private record Answer(RateLimiter.Decision decision, byte[] body) {
    }
}
