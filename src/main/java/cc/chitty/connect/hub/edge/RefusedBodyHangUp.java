package cc.chitty.connect.hub.edge;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.springframework.stereotype.Component;

/**
 * A body refused as too large (413) while the client is still sending it is not read to its end: the answer says
 * {@code Connection: close} and the connection is closed once it is written. Otherwise the public port would go on
 * reading and dropping whatever the client sends, gigabytes included, to keep the connection for a next request.
 * Guarantees: the 413 answer itself reaches the client whole; requests without a body, and bodies read to their end
 * before the answer, keep their connection; HTTP/2 streams are left to the protocol's own reset.
 */
@Component
class RefusedBodyHangUp implements PublicPaths {

    @Override
    public void mountOn(Router router) {
        router.route().order(PublicRouteOrder.BODY_WATCH).handler(this::watch);
    }

    private void watch(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.version() != HttpVersion.HTTP_2 && mayHaveBody(request)) {
            context.addHeadersEndHandler(headers -> {
                if (isRefusedWhileSending(context)) {
                    context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
                }
            });
            context.addEndHandler(ended -> {
                if (isRefusedWhileSending(context)) {
                    request.connection().close();
                }
            });
        }
        context.next();
    }

    private static boolean mayHaveBody(HttpServerRequest request) {
        return request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD
                && (PublicPaths.announcedLength(request) > 0
                        || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null);
    }

    private static boolean isRefusedWhileSending(RoutingContext context) {
        return context.response().getStatusCode() == 413 && !context.request().isEnded();
    }
}
