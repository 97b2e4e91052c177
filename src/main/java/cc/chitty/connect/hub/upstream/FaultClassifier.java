package cc.chitty.connect.hub.upstream;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;

import cc.chitty.connect.hub.web.BodyTooLargeException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.networknt.schema.ValidationMessage;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.component.jsonvalidator.JsonValidationException;
import org.apache.camel.component.jsonvalidator.NoJsonBodyValidationException;
import org.apache.camel.processor.ThrottlerRejectedExecutionException;
import org.apache.camel.support.processor.PredicateValidationException;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.springframework.stereotype.Component;

/**
 * Turns whatever a capability or connector threw into a {@link Fault}. The one place that knows which exception
 * means which kind of fault; the front doors only map fault classes to their protocol.
 */
@Component
public class FaultClassifier {

    private final UpstreamBreakers breakers;

    FaultClassifier(UpstreamBreakers breakers) {
        this.breakers = breakers;
    }

    public Fault classify(Throwable failure, String service) {
        Throwable cause = rootOfInterest(failure);
        if (cause instanceof UpstreamStatusException status) {
            return fromStatus(status);
        }
        if (cause instanceof ThrottlerRejectedExecutionException) {
            return new Fault(ErrorClass.RATE_LIMIT, "The hub is holding calls to " + service
                    + " within that service's quota; try again shortly", service, null, 1L, null, List.of());
        }
        if (cause instanceof CallNotPermittedException open) {
            String name = open.getCausingCircuitBreakerName();
            return new Fault(ErrorClass.UNAVAILABLE, "The " + name + " service is failing; calls are paused",
                    name, null, breakers.retryAfterSeconds(name), null, List.of());
        }
        if (cause instanceof NoJsonBodyValidationException) {
            return Fault.invalid("A JSON request body is required", List.of());
        }
        if (cause instanceof JsonValidationException invalid) {
            return invalid.getErrors().isEmpty()
                    ? Fault.invalid("The request body is not valid JSON", List.of())
                    : Fault.invalid("The request body does not match the schema", violations(invalid.getErrors()));
        }
        if (cause instanceof InvalidParameterException invalid) {
            return Fault.invalid("A request parameter is not valid",
                    List.of(new Fault.Violation(invalid.parameter(), invalid.problem())));
        }
        if (cause instanceof PredicateValidationException) {
            return Fault.invalid("A path or query parameter is not valid", List.of());
        }
        if (cause instanceof BodyTooLargeException tooLarge) {
            return Fault.of(ErrorClass.TOO_LARGE, "The request body is larger than the " + tooLarge.limit()
                    + " bytes this path accepts");
        }
        if (cause instanceof FileUploadSizeException tooLarge) {
            return Fault.of(ErrorClass.TOO_LARGE, "The upload is larger than the " + tooLarge.getPermitted()
                    + " bytes this path accepts");
        }
        if (cause instanceof FileUploadException) {
            return Fault.invalid("The multipart/form-data body is malformed", List.of());
        }
        if (cause instanceof JsonProcessingException) {
            return Fault.invalid("The request body is not valid JSON", List.of());
        }
        if (isConnectFailure(cause)) {
            return upstream(ErrorClass.NETWORK, "The " + service + " service could not be reached", service);
        }
        if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException
                || cause instanceof InterruptedIOException) {
            return upstream(ErrorClass.TIMEOUT, "The " + service + " service did not answer in time", service);
        }
        if (cause instanceof IOException) {
            return upstream(ErrorClass.NETWORK, "The connection to the " + service + " service failed", service);
        }
        return Fault.of(ErrorClass.INTERNAL, "The hub could not complete the request");
    }

    /** Failures before any byte reached the upstream: always safe to retry, whatever the method. */
    static boolean isConnectFailure(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException;
    }

    static Throwable rootOfInterest(Throwable failure) {
        Throwable current = failure;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof UpstreamStatusException) && !(current instanceof CallNotPermittedException)
                && !(current instanceof JsonValidationException) && !(current instanceof IOException)
                && !(current instanceof InvalidParameterException)) {
            current = current.getCause();
        }
        return current;
    }

    private static Fault upstream(ErrorClass errorClass, String detail, String service) {
        return new Fault(errorClass, detail, service, null, null, null, List.of());
    }

    private static Fault fromStatus(UpstreamStatusException e) {
        int status = e.status();
        ErrorClass errorClass;
        String detail;
        if (status == 401 || status == 403) {
            errorClass = ErrorClass.AUTHENTICATION;
            detail = "The " + e.service() + " service refused the request";
        } else if (status == 404) {
            errorClass = ErrorClass.NOT_FOUND;
            detail = "The " + e.service() + " service has no such resource";
        } else if (status == 429) {
            errorClass = ErrorClass.RATE_LIMIT;
            detail = "The " + e.service() + " service is rate limiting the hub";
        } else if (status < 500) {
            errorClass = ErrorClass.VALIDATION;
            detail = "The " + e.service() + " service rejected the request";
        } else {
            errorClass = ErrorClass.SERVER;
            detail = "The " + e.service() + " service failed";
        }
        return new Fault(errorClass, detail, e.service(), status, e.retryAfterSeconds(), e.body(), List.of());
    }

    /** Schema violations as fields and messages; the MCP door reports tool arguments the same way. */
    public static List<Fault.Violation> violations(Collection<ValidationMessage> messages) {
        List<Fault.Violation> violations = new ArrayList<>();
        for (ValidationMessage message : messages) {
            String location = message.getInstanceLocation().toString();
            String field = location.startsWith("$.") ? location.substring(2) : "";
            if (message.getProperty() != null
                    && ("required".equals(message.getType()) || "additionalProperties".equals(message.getType()))) {
                field = field.isEmpty() ? message.getProperty() : field + "." + message.getProperty();
            }
            violations.add(new Fault.Violation(field, message.getError()));
        }
        violations.sort(Comparator.comparing(Fault.Violation::field));
        return violations;
    }
}
