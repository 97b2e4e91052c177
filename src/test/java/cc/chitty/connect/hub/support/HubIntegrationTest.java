package cc.chitty.connect.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every end-to-end test: the whole hub on random ports (public and management), with its embedded PostgreSQL and Kafka, the
 * WireMock stand-ins as upstreams and a private copy of the routes folder. Every subclass shares one Spring
 * context, so the servers start once per test run. JMX stays on, as in production: Hawtio reads it. The rate
 * limiter's clock stands still ({@link TestClock}), so no test of a limit depends on the machine's speed.
 */
@CamelSpringBootTest
@DisableJmx(false)
// Spring Boot tests switch Spring's JMX export off by default; the hub's own MBeans are part of what Hawtio shows
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.jmx.enabled=true")
@ActiveProfiles("test")
// Spring Boot tests switch tracing off unless asked: the hub's traces, propagation included, are under test
@AutoConfigureObservability(metrics = false)
@Import({TestSpans.class, TestClock.Configuration.class})
public abstract class HubIntegrationTest {

    protected static final String OPERATOR = "operator";
    protected static final String OPERATOR_PASSWORD = "test-operator-password";
    protected static final String UPSTREAM_TOKEN = "test-upstream-token-3f9a";

    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    protected static final ObjectMapper JSON = new ObjectMapper();

    /** Tomcat's: the management port. */
    @LocalServerPort
    protected int port;

    @Autowired
    private Environment environment;

    @Autowired
    private org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        StandIns.all().forEach((service, server) -> {
            registry.add("hub.upstreams.services." + service + ".base-url", server::baseUrl);
            registry.add("hub.upstreams.services." + service + ".token", () -> UPSTREAM_TOKEN);
        });
        registry.add("hub.github.private-key", TestGitHubApp::privateKeyPem);
        registry.add("hub.routes.directory", () -> TestRoutes.dir().toString());
    }

    /** Each test starts with full rate-limit buckets, whatever the previous one spent. */
    @BeforeEach
    void refillRateLimits() {
        TestClock.INSTANCE.advance(Duration.ofDays(1));
    }

    /** Each test starts from the checked-in stand-ins and closed breakers, whatever the previous one did. */
    @AfterEach
    void resetUpstreams() {
        StandIns.resetAll();
        StandIns.all().keySet().forEach(service -> asOperator(request("/admin/breakers/" + service + "/reset")
                .POST(HttpRequest.BodyPublishers.noBody())));
    }

    /** The operator surface on the management port, everything else on the public port: the layout clients see. */
    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + (isOperatorPath(path) ? port : publicPort()) + path);
    }

    /** The public port (Vert.x), known once Camel has started, which the test framework does after injection. */
    protected int publicPort() {
        return environment.getRequiredProperty("local.public.port", Integer.class);
    }

    protected static boolean isOperatorPath(String path) {
        return Stream.of("/admin", "/actuator", "/hawtio", "/jolokia")
                .anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + "?"));
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> postJson(String path, String apiKey, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .header("X-ChittyOS-API-Key", apiKey).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    protected HttpResponse<String> apiGet(String path, String apiKey) {
        return send(request(path).header("X-ChittyOS-API-Key", apiKey).GET().build());
    }

    /** A problem+json answer with the status and the hub's fault class. */
    protected static void assertFault(HttpResponse<String> response, int status, String errorClass) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(parse(response.body()).get("errorClass").asText()).isEqualTo(errorClass);
    }

    /** As an operator's script calls the hub: Basic credentials, and the header that admin writes need. */
    protected HttpResponse<String> asOperator(HttpRequest.Builder builder) {
        return send(builder.header("Authorization", basic(OPERATOR, OPERATOR_PASSWORD))
                .header("X-Requested-By", "test").build());
    }

    /**
     * Creates a key through the admin API, as an operator would, and returns the creation response; without scopes
     * named, it asks for {@code *}. Its own
     * generous rate limit keeps tests that poll from hitting the tiers; the rate-limit tests make their own keys.
     */
    protected JsonNode createKey(String name, String... scopes) {
        return createKey(Map.of("name", name, "scopes", scopes.length == 0 ? new String[] {"*"} : scopes,
                "rateLimit", 100_000));
    }

    protected JsonNode createKey(Map<String, Object> request) {
        String body = json(request);
        HttpResponse<String> response = asOperator(request("/admin/api-keys")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("key creation failed: " + response.statusCode() + " " + response.body());
        }
        return parse(response.body());
    }

    /** Lets a created key's expiry pass, as a key created with a short lifetime would. */
    protected void expire(JsonNode createdKey) {
        jdbc.sql("UPDATE api_keys SET expires_at = :past WHERE id = :id::uuid")
                .param("past", Timestamp.from(Instant.now().minusSeconds(60)))
                .param("id", createdKey.get("id").asText()).update();
    }

    protected String newKey() {
        return createKey("test-client").get("key").asText();
    }

    protected org.springframework.jdbc.core.simple.JdbcClient jdbc() {
        return jdbc;
    }

    protected static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    protected static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
