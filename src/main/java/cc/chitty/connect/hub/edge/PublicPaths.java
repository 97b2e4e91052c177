package cc.chitty.connect.hub.edge;

import io.vertx.ext.web.Router;

/**
 * Paths the public port answers on the event loop, without a Camel route: each is mounted on Camel's Vert.x router
 * before the port opens, at a position named in {@link PublicRouteOrder}. A handler must never block.
 */
public interface PublicPaths {

    void mountOn(Router router);
}
