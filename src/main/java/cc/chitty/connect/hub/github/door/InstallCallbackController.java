package cc.chitty.connect.hub.github.door;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import cc.chitty.connect.hub.github.GitHubProperties;
import cc.chitty.connect.hub.github.automation.ChronicleLog;
import cc.chitty.connect.hub.github.automation.InstallationRegistration;
import cc.chitty.connect.hub.github.client.GitHubAppJwt;
import cc.chitty.connect.hub.github.client.GitHubClient;
import cc.chitty.connect.hub.github.client.InstallationTokens;
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
 * {@code GET /integrations/github/callback}, the App's setup URL. Guarantees: the answer names nothing the caller
 * did not send: no ChittyID, account or permissions, and the same answer whether the installation exists, was
 * registered by this call, earlier, or not at all, since anyone can call this URL with any installation id (the
 * operator reads registrations from the database and the log). The installation is read from GitHub with the App
 * JWT before anything is written (a forged id registers nothing); it is registered at most once
 * ({@link InstallationRegistration}: one atomic claim before the mint, so concurrent calls mint one ChittyID);
 * only the call that registered it fetches its token and logs {@code github.app.installed} to ChittyChronicle.
 * The browser is then redirected to {@code hub.github.install-redirect} (with the installation id only), or shown
 * {@code {"installationId":…,"status":"received"}}.
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
    ResponseEntity<Object> installed(@RequestParam(name = "installation_id", required = false) String installationId) {
        if (installationId == null || !installationId.matches("[0-9]{1,19}")) {
            return Problem.of(400, "invalid-installation", "Bad Request",
                    "installation_id must be GitHub's numeric installation id").toResponse();
        }
        long id = Long.parseLong(installationId);
        register(id);
        if (!redirect.isEmpty()) {
            return ResponseEntity.status(302).location(URI.create(UriComponentsBuilder.fromUriString(redirect)
                    .queryParam("installation_id", id).build().toUriString())).build();
        }
        return ResponseEntity.ok(Map.of("installationId", id, "status", "received"));
    }

    /** Failures are the operator's to read in the log, never the caller's. */
    private void register(long id) {
        try {
            JsonNode installation = github.call("github.installations.get", appJwt.authorization(),
                    Map.of("installationId", id), null);
            InstallationRegistration.Registered registered = registration.register(installation);
            if (!registered.created()) {
                return;
            }
            tokens.authorization(id);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("installationId", id);
            data.put("account", installation.path("account").path("login").asText());
            data.put("repositorySelection", installation.path("repository_selection").asText(null));
            data.put("permissions", installation.path("permissions"));
            chronicle.record("github.app.installed", registered.chittyId(), data);
        } catch (InstallationRegistration.RegistrationInProgress concurrent) {
            log.info("GitHub installation {} is being registered by a concurrent call", id);
        } catch (Exception e) {
            log.warn("GitHub installation {} not registered from the install callback: {}", id,
                    faults.classify(e, "github").errorClass().id());
        }
    }
}
