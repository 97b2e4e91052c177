package cc.chitty.connect.hub.edge;

import java.util.List;
import java.util.Set;

import cc.chitty.connect.hub.web.BodyTooLargeException;
import cc.chitty.connect.hub.web.HttpLimitsProperties;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.ProblemWriter;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.http.impl.HttpServerRequestWrapper;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import org.springframework.stereotype.Component;

/**
 * The public paths Tomcat still serves (MCP, OAuth metadata, whatever a controller maps) are
 * forwarded to it over loopback, streamed both ways (an SSE stream flows as it is written), with the client's
 * address in {@value ForwardConnector#HEADER} so that rate limits, audit and the failure throttle see the
 * real client. Guarantees: the operator surface ({@link #OPERATOR_PREFIXES}) is never forwarded, it answers 404
 * problem+json here; the REST door's paths are never forwarded, whatever Camel's routes do not match is answered
 * here, 405 problem+json with {@code Allow} when only the method is wrong, 404 problem+json otherwise; a body announced larger than its path's limit ({@code hub.http}) is
 * answered 413 here, unsent; a header of that name sent by a client is replaced, never passed on; a request whose
 * body a handler of this port already read ({@link TomcatForward}: MCP's, which answers a plain tools/call itself)
 * reaches Tomcat with that body, whole.
 */
@Component
class LoopbackForwarder implements PublicPaths, TomcatForward {

    static final List<String> OPERATOR_PREFIXES = List.of("/admin", "/actuator", "/hawtio", "/jolokia");
    private static final String REST_DOOR_PREFIX = "/api/";

    private final HttpProxy proxy;
    private final ProblemWriter problems;
    private final HttpLimitsProperties limits;
    private Router router;

    LoopbackForwarder(Vertx vertx, PublicPortProperties properties, ProblemWriter problems, ForwardConnector tomcat,
            HttpLimitsProperties limits) {
        this.problems = problems;
        this.limits = limits;
        this.proxy = HttpProxy.reverseProxy(vertx.createHttpClient(new HttpClientOptions()
                        .setMaxPoolSize(properties.forwardConnections())
                        .setKeepAlive(true)))
                .originSelector(request -> Future.succeededFuture(
                        SocketAddress.inetSocketAddress(tomcat.port(), "127.0.0.1")))
                .addInterceptor(new ClientAddressInterceptor());
    }

    static Problem notOnThisPort() {
        return Problem.of(404, "not-found", "Not Found", "No such resource");
    }

    static boolean isOperatorPath(String path) {
        for (String prefix : OPERATOR_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void mountOn(Router router) {
        this.router = router;
        router.route().order(PublicRouteOrder.OWN_PATHS).handler(this::hideOperatorSurface);
        router.route().order(PublicRouteOrder.FORWARD).handler(this::forward);
    }

    private void hideOperatorSurface(RoutingContext context) {
        if (isOperatorPath(context.normalizedPath())) {
            problems.write(context, notOnThisPort());
            return;
        }
        context.next();
    }

    private void forward(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith(REST_DOOR_PREFIX)) {
            refuseUnserved(context, path);
            return;
        }
        // Tomcat would refuse it as soon as it saw the length, and close the connection under the forwarded body
        long limit = limits.limitFor(path);
        if (PublicPaths.announcedLength(context.request()) > limit) {
            problems.write(context, new BodyTooLargeException(limit).problem());
            return;
        }
        proxy.handle(context.request());
    }

    @Override
    public void forward(RoutingContext context, Buffer body) {
        proxy.handle(new ReadRequest(context.request(), body));
    }

    /** 405 with {@code Allow} when another method of the path is served, 404 when none is. */
    private void refuseUnserved(RoutingContext context, String path) {
        Set<String> allowed = AllowedMethods.of(router, path);
        if (allowed.isEmpty()) {
            problems.write(context, Problem.of(404, "not-found", "Not Found", "No such operation"));
            return;
        }
        context.response().putHeader("Allow", String.join(", ", allowed));
        problems.write(context, Problem.of(405, "method-not-allowed", "Method Not Allowed",
                context.request().method().name() + " is not served here; see Allow"));
    }

    /**
     * The peer this port saw, for Tomcat's {@link ForwardConnector}; and the body, when a handler here read it
     * already (the request itself has none left to stream).
     */
    private static final class ClientAddressInterceptor implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            HttpServerRequest proxied = context.request().proxiedRequest();
            context.request().headers().set(ForwardConnector.HEADER, proxied.remoteAddress().hostAddress());
            if (proxied instanceof ReadRequest read) {
                context.request().setBody(Body.body(read.body));
            }
            return context.sendRequest();
        }
    }

    /**
     * A request whose body a handler of this port read whole: the request itself has ended, so its stream is left
     * alone (Vert.x refuses to pause an ended request), and the proxy is given the body instead.
     */
    private static final class ReadRequest extends HttpServerRequestWrapper {

        private final Buffer body;

        ReadRequest(HttpServerRequest request, Buffer body) {
            super((HttpServerRequestInternal) request);
            this.body = body;
        }

        @Override
        public HttpServerRequest pause() {
            return this;
        }

        @Override
        public HttpServerRequest resume() {
            return this;
        }

        @Override
        public HttpServerRequest fetch(long amount) {
            return this;
        }

        @Override
        public HttpServerRequest handler(Handler<Buffer> handler) {
            return this;
        }

        @Override
        public HttpServerRequest endHandler(Handler<Void> handler) {
            return this;
        }
    }
}
