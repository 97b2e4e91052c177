package cc.chitty.connect.hub.edge;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

/**
 * Paths the public port answers on the event loop, without a Camel route: each is mounted on Camel's Vert.x router
 * before the port opens, at a position named in {@link PublicRouteOrder}. A handler must never block.
 */
public interface PublicPaths {

    void mountOn(Router router);

    /** The request's {@code Content-Length}; -1 when it has none (chunked, or no body) or a malformed one. */
    static long announcedLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }
}
