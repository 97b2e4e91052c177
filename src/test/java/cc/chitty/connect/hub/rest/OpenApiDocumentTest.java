package cc.chitty.connect.hub.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** /openapi.json documents exactly the REST operations the hub serves, with schemas, security and errors. */
class OpenApiDocumentTest extends HubIntegrationTest {

    @Autowired
    private CamelContext camel;

    @Test
    void everyServedOperationIsDocumentedAndNothingElse() {
        JsonNode doc = parse(send(request("/openapi.json").GET().build()).body());

        Set<String> documented = new HashSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        Set<String> served = new HashSet<>();
        for (Route route : camel.getRoutes()) {
            String uri = route.getEndpoint().getEndpointUri();
            if (uri.startsWith("rest://")) {
                String[] parts = uri.substring("rest://".length()).split("\\?")[0].split(":");
                served.add(parts[0].toUpperCase() + " " + java.net.URLDecoder.decode(
                        parts[1] + (parts.length > 2 ? parts[2] : ""), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(served).hasSizeGreaterThan(25);
        assertThat(documented).isEqualTo(served);
    }

    @Test
    void itNamesTheServerItWasFetchedFromAndALicense() {
        JsonNode doc = parse(send(request("/openapi.json").GET().build()).body());

        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("http://127.0.0.1:" + publicPort());
        assertThat(doc.at("/info/license/name").asText()).isNotBlank();
    }

    @Test
    void itIsAnOpenApi31DocumentWithSchemasSecurityAndProblemResponses() {
        var response = send(request("/openapi.json").GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode doc = parse(response.body());

        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-ChittyOS-API-Key");
        JsonNode mint = doc.at("/paths/~1api~1chittyid~1mint/post");
        assertThat(mint.get("operationId").asText()).isEqualTo("mintChittyID");
        assertThat(resolve(doc, mint.at("/requestBody/content/application~1json/schema/$ref").asText())
                .at("/properties/entity/enum")).hasSize(14);
        assertThat(resolve(doc, mint.at("/responses/429/$ref").asText()).at("/content")
                .has("application/problem+json")).isTrue();
        JsonNode query = doc.at("/paths/~1api~1chittychronicle~1query/get/parameters");
        assertThat(query.findValuesAsText("name")).contains("entityId", "limit");
        JsonNode lookup = doc.at("/paths/~1api~1chittyid~1{id}/get/parameters/0");
        assertThat(lookup.get("in").asText()).isEqualTo("path");
        assertEveryReferenceResolves(doc, doc);
    }

    @Test
    void everyOperationDescribesItsSuccessfulAnswer() {
        JsonNode doc = parse(send(request("/openapi.json").GET().build()).body());

        List<String> operations = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            operations.add(operation.getKey() + " " + path.getKey());
            JsonNode schema = operation.getValue().at("/responses/2XX/content/application~1json/schema");
            if (schema.has("$ref")) {
                schema = resolve(doc, schema.get("$ref").asText());
            }
            assertThat(schema.path("type").asText()).as(operation.getKey() + " " + path.getKey()).isEqualTo("object");
            assertThat(schema.has("properties") || schema.has("description"))
                    .as(operation.getKey() + " " + path.getKey()).isTrue();
        }));
        assertThat(operations).hasSizeGreaterThan(25);

        JsonNode health = doc.at("/paths/~1api~1health/get");
        assertThat(health.get("operationId").asText()).isEqualTo("healthCheck");
        assertThat(resolve(doc, health.at("/responses/2XX/content/application~1json/schema/$ref").asText())
                .get("required")).extracting(JsonNode::asText).contains("status", "service", "endpoints");
        JsonNode status = resolve(doc, doc.at("/paths/~1api~1services~1status/get/responses/2XX/content"
                + "/application~1json/schema/$ref").asText());
        assertThat(status.at("/properties/ecosystemHealth/properties/rating/enum")).hasSize(4);
        assertThat(doc.at("/paths/~1api~1chittycases~1{caseId}/get/responses/2XX/content/application~1json/schema"
                + "/description").asText()).contains("passed through");
    }

    @Test
    void swaggerParserFindsNothingWrongWithIt() {
        String doc = send(request("/openapi.json").GET().build()).body();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(doc, null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getPaths()).containsKey("/api/chittyevidence/ingest");
        assertThat(result.getOpenAPI().getPaths().get("/api/chittyevidence/ingest").getPost().getRequestBody()
                .getContent()).containsKey("multipart/form-data");
    }

    private static JsonNode resolve(JsonNode doc, String ref) {
        JsonNode target = doc.at(ref.substring(1));
        assertThat(target.isMissingNode()).as("reference " + ref).isFalse();
        return target;
    }

    private static void assertEveryReferenceResolves(JsonNode doc, JsonNode node) {
        if (node.has("$ref")) {
            resolve(doc, node.get("$ref").asText());
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            assertEveryReferenceResolves(doc, children.next());
        }
    }
}
