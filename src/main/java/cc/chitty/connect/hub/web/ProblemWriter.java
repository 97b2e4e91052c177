package cc.chitty.connect.hub.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link Problem} straight to a servlet or public-port response, for what answers before any handler runs, and
 * counts it as an edge refusal ({@link EdgeRefusals}).
 */
@Component
public class ProblemWriter {

    private final ObjectMapper mapper;
    private final EdgeRefusals refusals;

    ProblemWriter(ObjectMapper mapper, EdgeRefusals refusals) {
        this.mapper = mapper;
        this.refusals = refusals;
    }

    /** On the public port's event loop: the answer carries the request's id, as the servlet side's do. */
    public void write(RoutingContext context, Problem problem) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            return;
        }
        String requestId = RequestIdFilter.idFor(context.request().getHeader(RequestIdFilter.HEADER));
        refusals.refused(problem.requestId(requestId), EdgeRefusals.HTTP);
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(RequestIdFilter.HEADER, requestId)
                .end(Buffer.buffer(problem.toJson(mapper)));
    }

    /** The refusal's headers, then its problem. */
    public void write(HttpServletResponse response, Refusal refusal) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        refusal.headers().forEach(response::setHeader);
        write(response, refusal.problem());
    }

    public void write(HttpServletResponse response, Problem problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        refusals.refused(problem, EdgeRefusals.HTTP);
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        byte[] body = problem.toJson(mapper);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
