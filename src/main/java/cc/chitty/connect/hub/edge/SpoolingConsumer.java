package cc.chitty.connect.hub.edge;

import java.io.IOException;
import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConsumer;
import org.apache.camel.converter.stream.CachedOutputStream;

/**
 * The consumer of a path whose body must not be held on the heap: an upload ({@code hub.http.uploads}) and a route
 * that asks to stream (the webhook door). Its body, whatever its type ({@code multipart/form-data} included, which
 * platform-http's streaming mode refuses and its body handler would only take as files on disk), is spooled as it
 * arrives into Camel's stream cache (memory up to the spool threshold, then a temporary file) and handed to the
 * route as that {@link org.apache.camel.StreamCache}, as the servlet engine's binding gave it. Guarantees: at most
 * {@code limit + 1} bytes are ever kept, unlike platform-http's own streaming, which spools any size; past the limit
 * the rest is read and dropped and the route runs at once, so it answers 413 while the client is still sending; a
 * body announced larger than the limit is not kept at all.
 */
final class SpoolingConsumer extends VertxPlatformHttpConsumer {

    private final long limit;

    SpoolingConsumer(PlatformHttpEndpoint endpoint, Processor processor, List<Handler<RoutingContext>> handlers,
            String routerName, long limit) {
        super(endpoint, processor, handlers, routerName);
        this.limit = limit;
    }

    @Override
    protected Future<Void> populateCamelMessage(RoutingContext context, Exchange exchange, Message message) {
        // without the body handler or streaming, the request is left paused with itself as the body
        return super.populateCamelMessage(context, exchange, message)
                .compose(headersMapped -> spool(context.request(), exchange, message));
    }

    private Future<Void> spool(HttpServerRequest request, Exchange exchange, Message message) {
        message.setBody(null);
        if (request.isEnded()) {
            return Future.succeededFuture();
        }
        if (PublicPaths.announcedLength(request) > limit) {
            // no body: the route refuses it by its announced length
            request.handler(dropped -> { }).resume();
            return Future.succeededFuture();
        }
        Promise<Void> spooled = Promise.promise();
        // deleted with its temporary file when the exchange completes
        CachedOutputStream body = new CachedOutputStream(exchange, true);
        long[] kept = {0};
        Runnable handOver = () -> {
            try {
                body.close();
                message.setBody(body.getInputStream());
                spooled.tryComplete();
            } catch (IOException failed) {
                spooled.tryFail(failed);
            }
        };
        request.handler(chunk -> {
            if (spooled.future().isComplete()) {
                return;
            }
            try {
                write(body, chunk, kept);
            } catch (IOException failed) {
                spooled.tryFail(failed);
                return;
            }
            if (kept[0] > limit) {
                handOver.run();
            }
        });
        request.exceptionHandler(spooled::tryFail);
        request.endHandler(ended -> {
            if (!spooled.future().isComplete()) {
                handOver.run();
            }
        });
        request.resume();
        return spooled.future();
    }

    private void write(CachedOutputStream body, Buffer chunk, long[] kept) throws IOException {
        int wanted = (int) Math.min(chunk.length(), limit + 1 - kept[0]);
        body.write(chunk.getBytes(0, wanted));
        kept[0] += wanted;
    }
}
