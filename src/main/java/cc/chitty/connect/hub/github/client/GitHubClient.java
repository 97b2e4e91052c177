package cc.chitty.connect.hub.github.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cc.chitty.connect.hub.capability.CapabilityAnswer;
import cc.chitty.connect.hub.capability.CapabilityCaller;
import cc.chitty.connect.hub.capability.CapabilityFailure;
import cc.chitty.connect.hub.capability.CapabilityRequest;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * GitHub's REST API through its capabilities in {@code routes/github.camel.yaml} (the {@code github} connector
 * behind them: breaker, timeouts, retries, base URL from configuration, so GitHub Enterprise Server is a setting),
 * each call with its own credential: the App JWT or an installation token. A failure is a {@link CapabilityFailure}.
 */
@Component
public class GitHubClient {

    /** The audited caller of every GitHub capability. */
    public static final String ACTOR = "github-app";
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private final CapabilityCaller capabilities;

    GitHubClient(CapabilityCaller capabilities) {
        this.capabilities = capabilities;
    }

    /** One answer of the API and the URL of its next page ({@code Link: rel="next"}), or null. */
    public record Page(JsonNode body, String next) {
    }

    /** The path and query parameters of a repository's capability: its full name split into owner and repo. */
    public static Map<String, Object> inRepository(String fullName, Object... moreNamesAndValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        int slash = fullName.indexOf('/');
        parameters.put("owner", slash < 0 ? fullName : fullName.substring(0, slash));
        parameters.put("repo", slash < 0 ? "" : fullName.substring(slash + 1));
        for (int i = 0; i + 1 < moreNamesAndValues.length; i += 2) {
            parameters.put(moreNamesAndValues[i].toString(), moreNamesAndValues[i + 1]);
        }
        return parameters;
    }

    /** The capability's JSON answer (a missing node when empty); {@code body} is sent as JSON unless null. */
    public JsonNode call(String capability, String authorization, Map<String, ?> parameters, Object body) {
        return page(capability, authorization, parameters, body).body();
    }

    public Page page(String capability, String authorization, Map<String, ?> parameters, Object body) {
        CapabilityRequest request = capabilities.request(capability, ACTOR).parameters(parameters);
        if (authorization != null) {
            request.upstreamHeader("Authorization", authorization);
        }
        if (body != null) {
            request.json(body);
        }
        CapabilityAnswer answer = request.call();
        return new Page(answer.json(), nextLink(answer.header("Link")));
    }

    private static String nextLink(String link) {
        if (link == null) {
            return null;
        }
        Matcher next = NEXT_LINK.matcher(link);
        return next.find() ? next.group(1) : null;
    }
}
