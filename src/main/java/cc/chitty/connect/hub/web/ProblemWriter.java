package cc.chitty.connect.hub.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link Problem} straight to a servlet response, for filters that answer before any handler runs, and
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
