package cc.chitty.connect.hub.rest;

import java.util.List;

import cc.chitty.connect.hub.upstream.ErrorClass;
import cc.chitty.connect.hub.upstream.Fault;
import cc.chitty.connect.hub.upstream.FaultClassifier;
import cc.chitty.connect.hub.upstream.UpstreamCall;
import cc.chitty.connect.hub.web.DatabaseUnavailable;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.RequestIdFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The REST door's error mapping, in one place: a failed exchange becomes {@code application/problem+json} with the
 * status its fault class calls for. An upstream's 4xx keeps its status; an upstream's 5xx is a 502 with
 * {@code upstreamStatus}; an open breaker is a 503 with {@code Retry-After}; an unreachable database (an edge policy's
 * key, rate-limit or idempotency look-up) is a 503 with {@code Retry-After} too.
 */
@Component("restProblemResponder")
public class RestProblemResponder implements Processor {

    private static final Logger log = LoggerFactory.getLogger(RestProblemResponder.class);

    private final FaultClassifier classifier;
    private final ObjectMapper mapper;

    RestProblemResponder(FaultClassifier classifier, ObjectMapper mapper) {
        this.classifier = classifier;
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Problem problem = DatabaseUnavailable.causedIt(failure) ? DatabaseUnavailable.problem()
                : problemFor(classifier.classify(failure, exchange.getProperty(UpstreamCall.SERVICE, String.class)));
        Message message = exchange.getMessage();
        problem.requestId(message.getHeader(RequestIdFilter.HEADER, String.class));
        logFailure(problem, failure);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        message.setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
        Object retryAfter = problem.fields().get("retryAfter");
        if (retryAfter != null) {
            message.setHeader("Retry-After", String.valueOf(retryAfter));
        }
        message.setBody(problem.toJson(mapper));
        RestAnswerHeaders.putOn(exchange);
    }

    static Problem problemFor(Fault fault) {
        int status = statusOf(fault);
        Problem problem = Problem.of(status, fault.errorClass().id().replace('_', '-'), titleOf(fault.errorClass()),
                        fault.detail())
                .with("errorClass", fault.errorClass().id())
                .with("service", fault.service())
                .with("upstreamStatus", fault.upstreamStatus())
                .with("retryAfter", fault.retryAfterSeconds())
                .with("upstreamError", fault.upstreamBody());
        List<Fault.Violation> violations = fault.violations();
        if (!violations.isEmpty()) {
            problem.with("errors", violations);
        }
        return problem;
    }

    private static int statusOf(Fault fault) {
        return switch (fault.errorClass()) {
            case VALIDATION, AUTHENTICATION -> fault.upstreamStatus() != null ? fault.upstreamStatus() : 400;
            case NOT_FOUND -> 404;
            case TOO_LARGE -> 413;
            case RATE_LIMIT -> 429;
            case SERVER, NETWORK -> 502;
            case TIMEOUT -> 504;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    private static String titleOf(ErrorClass errorClass) {
        return switch (errorClass) {
            case VALIDATION -> "Invalid Request";
            case AUTHENTICATION -> "Upstream Refused";
            case NOT_FOUND -> "Not Found";
            case TOO_LARGE -> "Payload Too Large";
            case RATE_LIMIT -> "Rate Limited";
            case SERVER -> "Upstream Failed";
            case NETWORK -> "Upstream Unreachable";
            case TIMEOUT -> "Upstream Timeout";
            case UNAVAILABLE -> "Service Unavailable";
            case INTERNAL -> "Internal Error";
        };
    }

    private static void logFailure(Problem problem, Throwable failure) {
        if (problem.status() == 500) {
            log.error("request failed inside the hub", failure);
        } else if (problem.status() >= 500) {
            log.warn("request failed: {} {} ({})", problem.status(), problem.fields().get("errorClass"),
                    failure.getClass().getSimpleName());
        } else {
            log.info("request refused: {} {}", problem.status(), problem.fields().get("errorClass"));
        }
    }
}
