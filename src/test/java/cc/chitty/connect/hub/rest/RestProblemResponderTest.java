package cc.chitty.connect.hub.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * An edge policy's database look-up failing during a PostgreSQL restart is answered as the servlet side answers it:
 * 503 {@code database-unavailable} with {@code Retry-After}, never 500 (bench/drills/postgres-restart.sh).
 */
class RestProblemResponderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    // the database check comes before any fault classification, which these failures never reach
    private final RestProblemResponder responder = new RestProblemResponder(null, JSON);

    @Test
    void aClosedConnectionIsA503WithRetryAfter() throws Exception {
        assertDatabaseUnavailable(new IllegalStateException("key look-up failed",
                new SQLException("Connection is closed")));
    }

    @Test
    void springsResourceFailureIsA503WithRetryAfter() throws Exception {
        assertDatabaseUnavailable(new DataAccessResourceFailureException("no connection"));
    }

    private void assertDatabaseUnavailable(Throwable failure) throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        exchange.getMessage().setHeader("X-Request-ID", "req-1");

        responder.process(exchange);

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
        assertThat(exchange.getMessage().getHeader("Retry-After")).isEqualTo("5");
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/problem+json");
        JsonNode body = JSON.readTree(exchange.getMessage().getBody(String.class));
        assertThat(body.get("type").asText()).endsWith("database-unavailable");
        assertThat(body.get("status").asInt()).isEqualTo(503);
    }
}
