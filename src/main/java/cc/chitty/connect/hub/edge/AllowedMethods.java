package cc.chitty.connect.hub.edge;

import java.util.Set;
import java.util.TreeSet;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;

/**
 * The methods the public port's routes serve a path with, read from the router as it is now (REST routes come and
 * go with reloads): what a 405's {@code Allow} lists. Vert.x knows them when no route matches, but keeps them to
 * itself, and the forwarder's catch-all route matches everything anyway. A route's path is Vert.x's template, as
 * platform-http writes it: {@code :name} is one segment; a path that ended in {@code *} is a prefix.
 */
final class AllowedMethods {

    private AllowedMethods() {
    }

    /** Sorted method names; empty when no route serves the path at all. */
    static Set<String> of(Router router, String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            if (serves(route, path)) {
                route.methods().stream().map(HttpMethod::name).forEach(allowed::add);
            }
        }
        return allowed;
    }

    /** A path with parameters is also a regex to Vert.x, but keeps its template; a regex route has no path. */
    private static boolean serves(Route route, String path) {
        String template = route.getPath();
        if (template == null) {
            return false;
        }
        if (!route.isExactPath()) {
            return path.startsWith(template);
        }
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            boolean parameter = expected[i].startsWith(":") && !actual[i].isEmpty();
            if (!parameter && !expected[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }
}
