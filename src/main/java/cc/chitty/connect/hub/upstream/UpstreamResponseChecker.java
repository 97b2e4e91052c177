package cc.chitty.connect.hub.upstream;

import java.io.InputStream;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Runs inside the circuit breaker right after the call: a non-2xx answer becomes an {@link UpstreamStatusException}
 * (5xx counts against the breaker, 4xx does not); a 2xx answer keeps only its status, content type, body and the
 * {@code Link} header (RFC 8288 pagination, e.g. GitHub's cursors).
 */
final class UpstreamResponseChecker implements Processor {

    private static final int MAX_ERROR_BODY = 16 * 1024;

    private final ObjectMapper mapper;

    UpstreamResponseChecker(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 500, Integer.class);
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (status < 200 || status > 299) {
            String service = exchange.getProperty(UpstreamCall.SERVICE, String.class);
            throw new UpstreamStatusException(service, status,
                    retryAfterSeconds(message.getHeader("Retry-After", String.class)), errorBody(message, contentType));
        }
        String link = message.getHeader("Link", String.class);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (contentType != null) {
            message.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        if (link != null) {
            message.setHeader("Link", link);
        }
    }

    private Object errorBody(Message message, String contentType) {
        if (contentType == null || !contentType.contains("json")) {
            return null;
        }
        try (InputStream in = message.getBody(InputStream.class)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readNBytes(MAX_ERROR_BODY + 1);
            return bytes.length > MAX_ERROR_BODY ? null : mapper.readTree(bytes);
        } catch (Exception unreadable) {
            return null;
        }
    }

    static Long retryAfterSeconds(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toSeconds());
            } catch (RuntimeException unparsable) {
                return null;
            }
        }
    }
}
