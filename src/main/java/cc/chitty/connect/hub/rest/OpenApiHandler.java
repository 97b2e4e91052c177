package cc.chitty.connect.hub.rest;

import cc.chitty.connect.hub.edge.PublicPaths;
import cc.chitty.connect.hub.edge.PublicRouteOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code GET /openapi.json} on the public port: the REST door's contract as loaded right now (routes may be
 * reloaded), served from the hub's public base URL ({@code hub.public-base-url}), or from the origin the request was
 * sent to. Built on a worker thread, as a route runs, since it walks every REST definition.
 */
@Component
class OpenApiHandler implements PublicPaths {

    private final OpenApiDocument document;
    private final ObjectMapper json;
    private final String publicBaseUrl;

    OpenApiHandler(OpenApiDocument document, ObjectMapper json,
            @Value("${hub.public-base-url:}") String publicBaseUrl) {
        this.document = document;
        this.json = json;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    @Override
    public void mountOn(Router router) {
        router.get("/openapi.json").order(PublicRouteOrder.OWN_PATHS).handler(this::answer);
    }

    private void answer(RoutingContext context) {
        HttpServerRequest request = context.request();
        String serverUrl = publicBaseUrl.isEmpty() ? request.scheme() + "://" + request.authority() : publicBaseUrl;
        context.vertx().executeBlocking(() -> json.writeValueAsBytes(document.build(serverUrl)), false)
                .onSuccess(body -> context.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(Buffer.buffer(body)))
                .onFailure(context::fail);
    }
}
