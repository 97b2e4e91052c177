package cc.chitty.connect.hub.ops;

import cc.chitty.connect.hub.edge.PublicPaths;
import cc.chitty.connect.hub.edge.PublicRouteOrder;
import cc.chitty.connect.hub.web.ProblemWriter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.springframework.stereotype.Component;

/**
 * {@link StartingFilter}'s answer on the public port, first of all its paths: until the doors open, every request
 * but /health (which says {@code starting} itself) gets 503 problem+json {@code starting} with
 * {@code Retry-After: 1}, never a 404 for a route that is about to be served.
 */
@Component
class StartingGate implements PublicPaths {

    private final DoorsOpen doors;
    private final ProblemWriter problems;

    StartingGate(DoorsOpen doors, ProblemWriter problems) {
        this.doors = doors;
        this.problems = problems;
    }

    @Override
    public void mountOn(Router router) {
        router.route().order(PublicRouteOrder.STARTING).handler(this::gate);
    }

    private void gate(RoutingContext context) {
        if (doors.open() || context.normalizedPath().equals("/health")) {
            context.next();
            return;
        }
        context.response().putHeader("Retry-After", "1");
        problems.write(context, StartingFilter.starting());
    }
}
