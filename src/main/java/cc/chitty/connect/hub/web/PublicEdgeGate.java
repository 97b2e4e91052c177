package cc.chitty.connect.hub.web;

import java.util.List;
import java.util.Optional;

import cc.chitty.connect.hub.edge.PublicPaths;
import cc.chitty.connect.hub.edge.PublicRouteOrder;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The checks Tomcat's filters make before any route, made on the public port for the paths it answers itself:
 * CORS ({@code hub.cors}, the same {@link CorsConfiguration} as {@link CorsPolicy}'s) for {@code /api/**},
 * {@code /openapi.json} and {@code /health}; and for {@code /api/**} the body type (415,
 * {@link JsonContentTypeFilter}) and a path written encoded or with {@code ;} parameters (400, {@link EncodedPaths}),
 * which a route could not refuse: Vert.x would match no route for them (the security headers are a step of the
 * REST routes themselves). Forwarded paths meet Tomcat's
 * filters themselves. Runs on the event loop, after the starting gate and before any other path.
 */
@Component
class PublicEdgeGate implements PublicPaths {

    private static final List<String> CORS_PATHS = List.of("/openapi.json", "/health");
    private static final String REST_DOOR_PREFIX = "/api/";

    private final CorsConfiguration cors;
    private final JsonContentTypeFilter bodyTypes;
    private final ProblemWriter problems;

    PublicEdgeGate(CorsConfiguration hubCors, JsonContentTypeFilter bodyTypes, ProblemWriter problems) {
        this.cors = hubCors;
        this.bodyTypes = bodyTypes;
        this.problems = problems;
    }

    @Override
    public void mountOn(Router router) {
        router.route().order(PublicRouteOrder.EDGE_CHECKS).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = context.normalizedPath();
        boolean restDoor = path.startsWith(REST_DOOR_PREFIX);
        if (!restDoor && !CORS_PATHS.contains(path)) {
            context.next();
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && answeredAsCors(context, origin)) {
            return;
        }
        // Vert.x matches no route for a path with ';' parameters, so the route's own refusal would never run
        if (restDoor && EncodedPaths.isEncoded(request.path())) {
            problems.write(context, EncodedPaths.problem());
            return;
        }
        if (restDoor && JsonContentTypeFilter.isGuarded(path, request.method().name(), PublicPaths.announcedLength(request),
                request.getHeader("Transfer-Encoding"))) {
            Optional<Problem> refusal = bodyTypes.refusal(path, request.getHeader("Content-Type"));
            if (refusal.isPresent()) {
                problems.write(context, refusal.get());
                return;
            }
        }
        context.next();
    }

    /**
     * Adds what CORS allows to the answer; true when the request is a preflight, now answered (200 with what is
     * allowed, 403 when the origin, method or headers are not), false when it goes on to its route.
     */
    private boolean answeredAsCors(RoutingContext context, String origin) {
        HttpServerRequest request = context.request();
        MultiMap headers = context.response().headers();
        AnswerHeaders.CORS_VARY.forEach(varies -> headers.add("Vary", varies));
        String allowedOrigin = cors.checkOrigin(origin);
        String requestedMethod = request.getHeader("Access-Control-Request-Method");
        boolean preflight = request.method() == HttpMethod.OPTIONS && requestedMethod != null;
        if (!preflight) {
            if (allowedOrigin != null) {
                headers.set("Access-Control-Allow-Origin", allowedOrigin)
                        .set("Access-Control-Allow-Credentials", "true")
                        .set("Access-Control-Expose-Headers", String.join(", ", cors.getExposedHeaders()));
            }
            return false;
        }
        List<org.springframework.http.HttpMethod> methods = allowedOrigin == null ? null
                : cors.checkHttpMethod(org.springframework.http.HttpMethod.valueOf(requestedMethod));
        String requestedHeaders = request.getHeader("Access-Control-Request-Headers");
        List<String> allowedHeaders = methods == null ? null : cors.checkHeaders(requestedHeaders == null ? List.of()
                : List.of(requestedHeaders.trim().split("\\s*,\\s*")));
        if (allowedHeaders == null) {
            context.response().setStatusCode(403).end("Invalid CORS request");
            return true;
        }
        headers.set("Access-Control-Allow-Origin", allowedOrigin)
                .set("Access-Control-Allow-Methods", String.join(",", methods.stream().map(Object::toString).toList()))
                .set("Access-Control-Allow-Credentials", "true")
                .set("Access-Control-Max-Age", String.valueOf(cors.getMaxAge()));
        if (!allowedHeaders.isEmpty()) {
            headers.set("Access-Control-Allow-Headers", String.join(", ", allowedHeaders));
        }
        context.response().setStatusCode(200).end();
        return true;
    }
}
