package cc.chitty.connect.hub.web;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's /error page: whatever ends up there (an unknown path, a container error) is answered as
 * problem+json, never as an HTML page or a stack trace. A request that failed because the database was unreachable
 * (a filter checking its key or rate limit during a PostgreSQL restart) is a 503 with {@code Retry-After}.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return problemOf(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                        ? failure : null, code instanceof Integer i ? i : 500)
                .requestId(request.getHeader(RequestIdFilter.HEADER)).toResponse();
    }

    /**
     * What a request that failed in the container is answered with, whichever engine ran it (the public port's MCP
     * tools/call too): 503 when the database was unreachable, otherwise the status's own problem.
     */
    public static Problem problemOf(Throwable failure, int status) {
        if (failure != null && DatabaseUnavailable.causedIt(failure)) {
            return DatabaseUnavailable.problem();
        }
        HttpStatus httpStatus = HttpStatus.resolve(status);
        String title = httpStatus != null ? httpStatus.getReasonPhrase() : "Error";
        String detail = status == 404 ? "No resource at this path" : status >= 500
                ? "The hub could not complete the request" : title;
        return Problem.of(status, title.toLowerCase(Locale.ROOT).replace(' ', '-'), title, detail);
    }
}
