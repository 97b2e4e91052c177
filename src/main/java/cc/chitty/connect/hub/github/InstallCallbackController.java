package cc.chitty.connect.hub.github;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import cc.chitty.connect.hub.upstream.FaultClassifier;
import cc.chitty.connect.hub.web.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /integrations/github/callback}, the App's setup URL, as in the original: the installation is read
 * from GitHub with the App JWT (so a forged id registers nothing), given a CONTEXT ChittyID and DNA, written
 * (context row, then installation row), its token fetched and cached, the install logged to ChittyChronicle;
 * then the browser is redirected to {@code hub.github.install-redirect}, or shown a JSON summary.
 */
@RestController
class InstallCallbackController {

    private static final Logger log = LoggerFactory.getLogger(InstallCallbackController.class);

    private final GitHubClient github;
    private final GitHubAppJwt appJwt;
    private final InstallationRegistration registration;
    private final InstallationTokens tokens;
    private final ChronicleLog chronicle;
    private final FaultClassifier faults;
    private final String redirect;

    InstallCallbackController(GitHubClient github, GitHubAppJwt appJwt, InstallationRegistration registration,
            InstallationTokens tokens, ChronicleLog chronicle, FaultClassifier faults, GitHubProperties properties) {
        this.github = github;
        this.appJwt = appJwt;
        this.registration = registration;
        this.tokens = tokens;
        this.chronicle = chronicle;
        this.faults = faults;
        this.redirect = properties.installRedirect();
    }

    @GetMapping("/integrations/github/callback")
    ResponseEntity<Object> installed(@RequestParam(name = "installation_id", required = false) String installationId,
            @RequestParam(name = "setup_action", required = false) String setupAction) {
        if (installationId == null || !installationId.matches("[0-9]{1,19}")) {
            return Problem.of(400, "invalid-installation", "Bad Request",
                    "installation_id must be GitHub's numeric installation id").toResponse();
        }
        long id = Long.parseLong(installationId);
        try {
            JsonNode installation = github.call(appJwt.authorization(), "GET", "/app/installations/" + id, null,
                    null);
            String chittyId = registration.register(installation);
            tokens.authorization(id);
            JsonNode account = installation.path("account");
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("installationId", id);
            data.put("account", account.path("login").asText());
            data.put("repositorySelection", installation.path("repository_selection").asText(null));
            data.put("permissions", installation.path("permissions"));
            chronicle.record("github.app.installed", chittyId, data);
            if (!redirect.isEmpty()) {
                return ResponseEntity.status(302).location(URI.create(UriComponentsBuilder.fromUriString(redirect)
                        .queryParam("installation_id", id).queryParam("chittyid", chittyId).build().toUriString()))
                        .build();
            }
            return ResponseEntity.ok(Map.of("installationId", id, "chittyId", chittyId,
                    "account", account.path("login").asText(), "setupAction", setupAction == null ? "" : setupAction));
        } catch (Exception e) {
            var fault = faults.classify(e, "github");
            log.warn("GitHub installation {} not registered: {}", id, fault.errorClass().id());
            int status = switch (fault.errorClass()) {
                case NOT_FOUND -> 404;
                case UNAVAILABLE -> 503;
                case TIMEOUT -> 504;
                default -> 502;
            };
            return Problem.of(status, "installation-not-registered", "Installation not registered", fault.detail())
                    .with("errorClass", fault.errorClass().id()).toResponse();
        }
    }
}
