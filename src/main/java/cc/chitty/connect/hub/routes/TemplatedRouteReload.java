package cc.chitty.connect.hub.routes;

import java.io.File;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.FileWatcherResourceReloadStrategy;
import org.apache.camel.support.PluginHelper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Re-creates the {@code templatedRoute}s of a route file saved while the hub runs. Camel 4.17's own reload
 * replaces a file's {@code rest} and {@code route} entries but skips its templated routes, so without this a new
 * capability made from a template never appeared and an edited one kept its old parameters until a restart.
 * Guarantees: with reload on, every templated route of a saved file is created again from its current text (an
 * existing route of the same id is replaced); a file Camel cannot parse changes nothing (Camel logs why).
 */
@Component
class TemplatedRouteReload {

    TemplatedRouteReload(CamelContext camel, @Value("${camel.main.routes-reload-enabled}") boolean reload,
            @Value("${camel.main.routes-reload-directory}") String directory) throws Exception {
        if (reload) {
            FileWatcherResourceReloadStrategy watcher = new FileWatcherResourceReloadStrategy(directory);
            watcher.setFileFilter(file -> file.getName().endsWith(".camel.yaml"));
            watcher.setResourceReload((name, resource) -> recreate(camel, new File(name), resource));
            camel.addService(watcher);
        }
    }

    private static void recreate(CamelContext camel, File file, Resource resource) throws Exception {
        if (!file.exists()) {
            return;
        }
        for (RoutesBuilder builder : PluginHelper.getRoutesLoader(camel).findRoutesBuilders(List.of(resource))) {
            if (builder instanceof RouteBuilder routes) {
                // parses the file into the builder only; its routes and rests are Camel's own reload's business
                routes.configureRoutes(camel);
                routes.addTemplatedRoutesToCamelContext(camel);
            }
        }
    }
}
