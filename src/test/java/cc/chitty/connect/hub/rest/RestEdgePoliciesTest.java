package cc.chitty.connect.hub.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The REST door's edge policies are steps of its routes: an operator sees them in each REST route's source (as Hawtio
 * shows it, through JMX), in the order they run, and their answers carry what every answer carries.
 */
class RestEdgePoliciesTest extends HubIntegrationTest {

    private static final List<String> POLICY_STEPS = List.of("restRequestId", "restEncodedPath", "restBodyLimit",
            "restAuthentication", "restScope", "restRateLimit", "restIdempotency");

    @Test
    void eachRestRouteShowsItsPolicyStepsInTheOrderTheyRun() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName route = jmx.queryNames(new ObjectName("org.apache.camel:type=routes,name=\"rest.chittyid.mint\",*"),
                null).iterator().next();

        // what Hawtio's route source shows
        String xml = (String) jmx.invoke(route, "dumpRouteAsXml", new Object[0], new String[0]);
        List<String> steps = Pattern.compile("ref=\"(rest[A-Za-z]+)\"").matcher(xml).results()
                .map(found -> found.group(1)).toList();

        assertThat(xml).contains("<interceptFrom", "<onCompletion");
        assertThat(steps).containsSubsequence(POLICY_STEPS);
        assertThat(steps).containsSubsequence("restIdempotencyCompletion", "restAnswerHeaders");
    }

    @Test
    void aRefusalCarriesTheRequestIdOnceAndNoKeyEver() {
        HttpResponse<String> refused = send(request("/api/chittyid/mint").header("X-Request-ID", "edge-test-1")
                .header("X-ChittyOS-API-Key", "chitty_" + "0".repeat(64))
                .header("X-Forwarded-For", "198.51.100.91").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().allValues("X-Request-ID")).containsExactly("edge-test-1");
        assertThat(parse(refused.body()).get("requestId").asText()).isEqualTo("edge-test-1");
        assertThat(refused.headers().map().keySet()).noneMatch(name -> name.equalsIgnoreCase("X-ChittyOS-API-Key"));
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"chittyconnect\"");
    }

    @Test
    void anAnswerCarriesTheRateLimitAndSecurityHeadersOnce() {
        String key = createKey(Map.of("name", "edge-tier", "scopes", List.of("*"))).get("key").asText();

        HttpResponse<String> answer = apiGet("/api/registry/services", key);

        assertThat(answer.headers().firstValue("RateLimit-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).startsWith("\"api\";"));
        assertThat(answer.headers().allValues("X-Request-ID")).hasSize(1);
        assertThat(answer.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(answer.headers().allValues("X-Frame-Options")).containsExactly("DENY");
    }

    @Test
    void aPathWrittenWithParametersIsRefusedBeforeItsKeyIsChecked() {
        HttpResponse<String> refused = apiGet("/api/registry/services;v=1", "chitty_" + "1".repeat(64));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(parse(refused.body()).get("type").asText()).endsWith("/encoded-path");
    }

    @Test
    void aWrongMethodOnAnOperationsPathIs405WithWhatIsAllowed() {
        String key = createKey(Map.of("name", "edge-method", "scopes", List.of("*"))).get("key").asText();

        HttpResponse<String> refused = send(request("/api/registry/services/chittyid").header("X-ChittyOS-API-Key", key)
                .DELETE().build());

        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(refused.headers().firstValue("Allow")).hasValue("GET");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(parse(refused.body()).get("type").asText()).endsWith("/method-not-allowed");
        assertThat(apiGet("/api/registry/no-such-thing", key).statusCode()).isEqualTo(404);
    }
}
