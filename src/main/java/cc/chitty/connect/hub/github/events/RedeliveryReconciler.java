package cc.chitty.connect.hub.github.events;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cc.chitty.connect.hub.github.GitHubProperties;
import cc.chitty.connect.hub.github.client.GitHubAppJwt;
import cc.chitty.connect.hub.github.client.GitHubClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * GitHub never retries a failed delivery by itself. This lists the App's recent deliveries (newest first, page by
 * page, back to the redelivery window), and asks GitHub to redeliver each delivery id that has no successful
 * attempt and that the hub has not processed. Run by the {@code github.redelivery} timer route and on demand.
 */
@Component("redeliveryReconciler")
class RedeliveryReconciler {

    private static final Logger log = LoggerFactory.getLogger(RedeliveryReconciler.class);

    private final GitHubClient github;
    private final GitHubAppJwt appJwt;
    private final JdbcMessageIdRepository processed;
    private final GitHubProperties.Redelivery settings;
    private final Clock clock = Clock.systemUTC();

    RedeliveryReconciler(GitHubClient github, GitHubAppJwt appJwt,
            @Qualifier(GitHubEventRoutes.REPOSITORY) JdbcMessageIdRepository processed,
            GitHubProperties properties) {
        this.github = github;
        this.appJwt = appJwt;
        this.processed = processed;
        this.settings = properties.redelivery();
    }

    /** Returns the GitHub delivery ids (GUIDs) whose redelivery was requested. */
    public List<String> run() throws Exception {
        Instant since = clock.instant().minus(settings.window());
        String auth = appJwt.authorization();
        Set<String> succeeded = new HashSet<>();
        Map<String, Long> failed = new LinkedHashMap<>();
        Map<String, String> cursor = Map.of();
        for (int page = 0; page < settings.maxPages() && cursor != null; page++) {
            GitHubClient.Page deliveries = github.page("github.hook.deliveries", auth, cursor, null);
            boolean older = false;
            for (JsonNode delivery : deliveries.body()) {
                if (Instant.parse(delivery.path("delivered_at").asText()).isBefore(since)) {
                    older = true;
                    continue;
                }
                String guid = delivery.path("guid").asText();
                int status = delivery.path("status_code").asInt();
                if (status >= 200 && status < 300) {
                    succeeded.add(guid);
                } else {
                    failed.putIfAbsent(guid, delivery.path("id").asLong());
                }
            }
            cursor = older ? null : cursorOf(deliveries.next());
        }
        List<String> requested = new ArrayList<>();
        for (Map.Entry<String, Long> delivery : failed.entrySet()) {
            if (succeeded.contains(delivery.getKey()) || processed.contains(delivery.getKey())) {
                continue;
            }
            github.call("github.hook.redeliver", auth, Map.of("deliveryId", delivery.getValue()), null);
            requested.add(delivery.getKey());
        }
        if (!requested.isEmpty()) {
            log.info("asked GitHub to redeliver {} failed deliveries", requested.size());
        }
        return requested;
    }

    /** Only the cursor of GitHub's next-page link is used: the host and the rest come from the capability. */
    private static Map<String, String> cursorOf(String nextLink) {
        String cursor = nextLink == null ? null
                : UriComponentsBuilder.fromUriString(nextLink).build(true).getQueryParams().getFirst("cursor");
        return cursor == null ? null : Map.of("cursor", URLDecoder.decode(cursor, StandardCharsets.UTF_8));
    }
}
