package cc.chitty.connect.hub.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cc.chitty.connect.hub.routes.RouteResources;
import cc.chitty.connect.hub.security.ProtectedResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI 3.1 document of the REST door, built from the REST routes that are actually loaded (so it cannot
 * drift from them): each operation's request body is the JSON Schema its capability validates against
 * ({@code schemas/<capability>.json}, valid as-is in OpenAPI 3.1), path parameters come from the path, query
 * parameters from the capability's template, and every error is the shared problem+json response. The success
 * answer's schema is {@code schemas/responses/<capability>.json} where the hub builds or knows the answer, else an
 * object passed through from the upstream. Both
 * authentication headers are declared, and OAuth access tokens when an issuer is configured.
 */
@Component
class OpenApiDocument {

    private static final String PASSED_THROUGH = "The upstream service's answer, passed through";
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final Map<String, String> ERRORS = new TreeMap<>(Map.ofEntries(
            Map.entry("400", "Malformed or invalid request (fields named in errors[])"),
            Map.entry("401", "Missing or unknown API key, or an invalid access token"),
            Map.entry("403", "Inactive or expired key, or a missing scope"),
            Map.entry("404", "No such resource here or at the upstream service"),
            Map.entry("409", "Same Idempotency-Key still running"),
            Map.entry("413", "Body larger than the limit"),
            Map.entry("415", "Body is not JSON"),
            Map.entry("422", "Idempotency-Key reused for another request, or refused by the upstream"),
            Map.entry("429", "Rate limited by the hub or the upstream (Retry-After)"),
            Map.entry("502", "The upstream failed or could not be reached"),
            Map.entry("503", "The upstream's circuit breaker is open (Retry-After)"),
            Map.entry("504", "The upstream did not answer in time")));

    private final CamelContext camel;
    private final ObjectMapper mapper;
    private final String version;
    private final String licenseName;
    private final String licenseIdentifier;
    private final ProtectedResource oauth;
    private final RouteResources files;

    OpenApiDocument(CamelContext camel, ObjectMapper mapper, @Value("${hub.api-version:1.0.0}") String version,
            @Value("${hub.api-license.name:Proprietary}") String licenseName,
            @Value("${hub.api-license.identifier:LicenseRef-Proprietary}") String licenseIdentifier,
            ProtectedResource oauth, RouteResources files) {
        this.oauth = oauth;
        this.camel = camel;
        this.mapper = mapper;
        this.version = version;
        this.licenseName = licenseName;
        this.licenseIdentifier = licenseIdentifier;
        this.files = files;
    }

    ObjectNode build(String serverUrl) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info").put("title", "ChittyConnect Hub API").put("version", version)
                .put("description", "The ChittyOS ecosystem's REST door. Errors are application/problem+json.");
        info.putObject("license").put("name", licenseName).put("identifier", licenseIdentifier);
        // a GPT action and code generators call the operations at this address
        doc.putArray("servers").addObject().put("url", serverUrl).put("description", "ChittyConnect Hub");
        ArrayNode security = doc.putArray("security")
                .add(mapper.createObjectNode().set("apiKey", mapper.createArrayNode()))
                .add(mapper.createObjectNode().set("bearer", mapper.createArrayNode()));
        ObjectNode components = doc.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", "X-ChittyOS-API-Key");
        schemes.putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("description", "The same API key as a bearer token");
        if (oauth.enabled()) {
            security.add(mapper.createObjectNode().set("accessToken", mapper.createArrayNode()));
            schemes.putObject("accessToken").put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                    .put("description", "An OAuth 2.1 access token from " + oauth.issuer() + " naming this hub as "
                            + "its audience; its scopes are the hub's. Where to get one: " + oauth.metadataUrl());
        }
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Problem", problemSchema());
        ObjectNode responses = components.putObject("responses");
        ERRORS.forEach((status, text) -> responses.putObject("Problem" + status).put("description", text)
                .putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/Problem"));

        ObjectNode paths = doc.putObject("paths");
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        for (RestDefinition rest : model.getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = rest.getPath() + (verb.getPath() == null ? "" : verb.getPath());
                String capability = verb.getTo().getUri().replaceFirst("^direct:", "");
                ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
                ObjectNode operation = item.putObject(verb.asVerb());
                describe(operation, verb, rest, path, capability, model, schemas);
            }
        }
        return doc;
    }

    private void describe(ObjectNode operation, VerbDefinition verb, RestDefinition rest, String path,
            String capability, Model model, ObjectNode schemas) {
        operation.put("operationId", verb.getId());
        if (verb.getDescriptionText() != null) {
            operation.put("summary", verb.getDescriptionText());
        }
        operation.putArray("tags").add(rest.getPath());
        ArrayNode parameters = operation.putArray("parameters");
        Matcher names = PATH_PARAM.matcher(path);
        while (names.find()) {
            parameters.addObject().put("name", names.group(1)).put("in", "path").put("required", true)
                    .putObject("schema").put("type", "string").put("pattern", "^[A-Za-z0-9:_.-]{1,128}$");
        }
        for (String query : queryParameters(model, capability)) {
            parameters.addObject().put("name", query).put("in", "query").putObject("schema").put("type", "string");
        }
        JsonNode schema = schema("schemas/" + capability + ".json");
        if (schema != null) {
            schemas.set(capability, schema);
            String mediaType = verb.getConsumes() != null ? verb.getConsumes() : "application/json";
            operation.putObject("requestBody").put("required", true).putObject("content")
                    .putObject(mediaType).putObject("schema")
                    .put("$ref", "#/components/schemas/" + capability);
        }
        ObjectNode responses = operation.putObject("responses");
        JsonNode answer = schema("schemas/responses/" + capability + ".json");
        if (answer != null) {
            schemas.set(capability + ".response", answer);
        }
        responses.putObject("2XX").put("description", answer != null && answer.has("title")
                        ? answer.get("title").asText() : PASSED_THROUGH)
                .putObject("content").putObject("application/json").set("schema", answer != null
                        ? mapper.createObjectNode().put("$ref", "#/components/schemas/" + capability + ".response")
                        : mapper.createObjectNode().put("type", "object").put("description", PASSED_THROUGH));
        ERRORS.keySet().forEach(status -> responses.putObject(status)
                .put("$ref", "#/components/responses/Problem" + status));
    }

    /** Query names a templated capability passes on ({@code query: entityId,limit=100}). */
    private static List<String> queryParameters(Model model, String capability) {
        List<String> names = new ArrayList<>();
        RouteDefinition route = model.getRouteDefinition(capability);
        if (route != null && route.getTemplateParameters() != null) {
            Object query = route.getTemplateParameters().get("query");
            if (query != null && !query.toString().isBlank()) {
                for (String spec : query.toString().split(",")) {
                    names.add(spec.split("=", 2)[0].trim());
                }
            }
        }
        return names;
    }

    private JsonNode schema(String resource) {
        try (InputStream in = files.open(resource).orElse(null)) {
            if (in == null) {
                return null;
            }
            ObjectNode schema = (ObjectNode) mapper.readTree(in);
            schema.remove("$schema");
            schema.remove("$id");
            return schema;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable schema " + resource, e);
        }
    }

    private ObjectNode problemSchema() {
        ObjectNode problem = mapper.createObjectNode().put("type", "object");
        problem.putArray("required").add("type").add("title").add("status");
        ObjectNode properties = problem.putObject("properties");
        for (String text : List.of("type", "title", "detail", "requestId", "errorClass", "service")) {
            properties.putObject(text).put("type", "string");
        }
        for (String number : List.of("status", "upstreamStatus", "retryAfter", "limit", "window")) {
            properties.putObject(number).put("type", "integer");
        }
        properties.putObject("upstreamError").put("description", "The upstream's own error body");
        ObjectNode errors = properties.putObject("errors").put("type", "array").putObject("items")
                .put("type", "object");
        errors.putObject("properties").putObject("field").put("type", "string");
        ((ObjectNode) errors.get("properties")).putObject("message").put("type", "string");
        return problem;
    }
}
