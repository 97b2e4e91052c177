package cc.chitty.connect.hub.github.client;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cc.chitty.connect.hub.github.ConnectorCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * GitHub's REST API through the {@code github} upstream connector (breaker, timeouts, retries, base URL from
 * configuration, so GitHub Enterprise Server is a setting), each call with its own credential: the App JWT or
 * an installation token.
 */
@Component
public class GitHubClient {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private final ConnectorCall connector;
    private final ObjectMapper mapper;

    GitHubClient(ConnectorCall connector, ObjectMapper mapper) {
        this.connector = connector;
        this.mapper = mapper;
    }

    /** One answer of the API and the URL of its next page ({@code Link: rel="next"}), or null. */
    public record Page(JsonNode body, String next) {
    }

    public JsonNode call(String authorization, String method, String path, String query, Object body) throws Exception {
        return page(authorization, method, path, query, body).body();
    }

    public Page page(String authorization, String method, String path, String query, Object body) throws Exception {
        byte[] json = body == null ? null : mapper.writeValueAsBytes(body);
        Exchange result = connector.send("github", method, path, query, 
                authorization == null ? Map.of() : Map.of("Authorization", authorization), json);
        if (result.getException() != null) {
            throw result.getException();
        }
        return new Page(parse(result.getMessage().getBody(byte[].class)),
                nextLink(result.getMessage().getHeader("Link", String.class)));
    }

    private JsonNode parse(byte[] body) throws IOException {
        return body == null || body.length == 0 ? MissingNode.getInstance() : mapper.readTree(body);
    }

    private static String nextLink(String link) {
        if (link == null) {
            return null;
        }
        Matcher next = NEXT_LINK.matcher(link);
        return next.find() ? next.group(1) : null;
    }
}
