package cc.chitty.connect.hub.edge;

import cc.chitty.connect.hub.web.BodyTooLargeException;
import cc.chitty.connect.hub.web.HttpLimitsProperties;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.ProblemWriter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.springframework.stereotype.Component;

/**
 * What fails on the public port outside a route's own error handling (a body past the limit the engine reads, a
 * handler's failure) is answered problem+json, never Vert.x's plain text: 413 with the path's limit, or 500.
 */
@Component
class PublicFailures implements PublicPaths {

    private final HttpLimitsProperties limits;
    private final ProblemWriter problems;

    PublicFailures(HttpLimitsProperties limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public void mountOn(Router router) {
        router.route().order(PublicRouteOrder.FORWARD).failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        if (context.statusCode() == 413) {
            problems.write(context, new BodyTooLargeException(limits.limitFor(context.normalizedPath())).problem());
            return;
        }
        problems.write(context, Problem.of(500, "internal", "Internal Server Error", "The request failed"));
    }
}
