package cc.chitty.connect.hub.support;

import java.util.List;
import java.util.Set;

import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutesLoader;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Loads files of {@code routes/} into a plain, not yet started CamelContext, for a test of one route without the
 * hub: every route but the named ones is left out, the REST door's included (it needs the hub's HTTP server).
 * Templates must come before the files that instantiate them.
 */
public final class RouteFiles {

    /** Where the route files and their schemas are read from: the project's routes directory. */
    public static final String LOCATION = "file:routes";

    private RouteFiles() {
    }

    public static void load(ModelCamelContext context, List<String> files, String... routeIds) throws Exception {
        // the routes find their schemas beside them, as the hub's RouteDirectoryEnvironment tells them in a run
        context.getPropertiesComponent().addInitialProperty("hub.routes.location", LOCATION);
        RoutesLoader loader = PluginHelper.getRoutesLoader(context);
        for (String file : files) {
            loader.loadRoutes(ResourceHelper.resolveMandatoryResource(context, LOCATION + "/" + file));
        }
        Set<String> kept = Set.of(routeIds);
        List<RouteDefinition> others = context.getRouteDefinitions().stream()
                .filter(route -> !kept.contains(route.getRouteId())).toList();
        context.removeRouteDefinitions(others);
    }
}
