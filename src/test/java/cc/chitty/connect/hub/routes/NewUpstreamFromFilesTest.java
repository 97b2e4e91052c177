package cc.chitty.connect.hub.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.TestRoutes;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A new upstream service and a REST capability over it, added while the hub runs by writing files into its routes
 * directory, as docs/routes.md tells an engineer to: no Java, no application.yaml, no restart.
 */
class NewUpstreamFromFilesTest extends HubIntegrationTest {

    private static final WireMockServer ACME = new WireMockServer(WireMockConfiguration.options()
            .bindAddress("127.0.0.1").dynamicPort());

    @BeforeAll
    static void startAcme() {
        ACME.start();
        ACME.stubFor(post(urlEqualTo("/v1/widgets")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"w-1\",\"name\":\"sprocket\"}")));
    }

    @AfterAll
    static void stopAcme() throws IOException {
        ACME.stop();
        for (String name : new String[] {"acme.camel.yaml", "acme.upstream.yaml", "schemas/acme.widgets.create.json"}) {
            Files.deleteIfExists(TestRoutes.dir().resolve(name));
        }
    }

    @Test
    void anUpstreamAndACapabilityWrittenAsFilesAreServedWithTheirBreakerScopeAndMetrics() throws IOException {
        write("acme.upstream.yaml", """
                acme:
                  base-url: ${ACME_TEST_URL:%s}
                  token: acme-token
                  timeout: 5s
                  breaker:
                    failure-threshold: 2
                    open-duration: 20s
                """.formatted(ACME.baseUrl()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                parse(asOperator(request("/admin/breakers").GET()).body()).path("acme").asText()).isEqualTo("closed"));

        write("schemas/acme.widgets.create.json", """
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "required": ["name"], "additionalProperties": false,
                 "properties": {"name": {"type": "string", "minLength": 1}, "color": {"type": "string", "default": "grey"}}}
                """);
        write("acme.camel.yaml", """
                - rest:
                    id: acme-api
                    path: /api/acme
                    post:
                      - id: createWidget
                        path: /widgets
                        routeId: rest.acme.widgets.create
                        description: Create a widget at Acme
                        consumes: application/json
                        produces: application/json
                        to: direct:acme.widgets.create
                - templatedRoute:
                    routeTemplateRef: json-body-call
                    routeId: acme.widgets.create
                    parameters:
                      - name: capability
                        value: acme.widgets.create
                      - name: service
                        value: acme
                      - name: path
                        value: /v1/widgets
                      - name: scope
                        value: acme:write
                """);
        String writer = createKey("acme-writer", "acme:write").get("key").asText();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var created = postJson("/api/acme/widgets", writer, "{\"name\":\"sprocket\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        });

        assertThat(parse(postJson("/api/acme/widgets", writer, "{\"name\":\"sprocket\"}").body()).get("id").asText())
                .isEqualTo("w-1");
        ACME.verify(postRequestedFor(urlEqualTo("/v1/widgets"))
                .withHeader("Authorization", equalTo("Bearer acme-token"))
                .withRequestBody(equalToJson("{\"name\":\"sprocket\",\"color\":\"grey\"}")));
        assertThat(postJson("/api/acme/widgets", writer, "{\"size\":3}").statusCode()).isEqualTo(400);
        String reader = createKey("acme-other", "chittyid:*").get("key").asText();
        var refused = postJson("/api/acme/widgets", reader, "{\"name\":\"sprocket\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(parse(refused.body()).get("requiredScope").asText()).isEqualTo("acme:write");

        String metrics = asOperator(request("/actuator/prometheus").GET()).body();
        assertThat(metrics).containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"acme\"");
        assertThat(metrics).containsPattern("camel_exchanges_(succeeded_)?total\\{[^}]*routeId=\"acme.widgets.create\"");
        assertThat(metrics).containsPattern("camel_exchanges_(succeeded_)?total\\{[^}]*routeId=\"upstream.acme\"");
    }

    /** As an editor saves: the whole file appears at once. */
    private static void write(String name, String content) throws IOException {
        Path file = TestRoutes.dir().resolve(name);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(TestRoutes.dir().getParent(), "new-file", ".tmp");
        Files.writeString(temp, content);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
