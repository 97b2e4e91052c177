package cc.chitty.connect.hub.edge;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * The loopback hop to Tomcat ({@link LoopbackForwarder}) for a handler of the public port that read a request's
 * body to decide whether to answer it itself, and did not: the request goes on to Tomcat with that body, as if the
 * port had never looked at it.
 */
public interface TomcatForward {

    /** Forwards the request, whose body the caller read whole ({@code Content-Length} bytes, never chunked). */
    void forward(RoutingContext context, Buffer body);
}
