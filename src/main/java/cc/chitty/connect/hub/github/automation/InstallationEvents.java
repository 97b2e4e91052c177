package cc.chitty.connect.hub.github.automation;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * {@code installation} and {@code installation_repositories} events kept in the {@code installations} table: an
 * installation first seen here is registered as the install callback would; deleted and suspended ones keep
 * their row with that status.
 */
@Component
class InstallationEvents {

    private final InstallationRegistration registration;
    private final Installations installations;

    InstallationEvents(InstallationRegistration registration, Installations installations) {
        this.registration = registration;
        this.installations = installations;
    }

    boolean onInstallation(JsonNode payload) throws Exception {
        JsonNode installation = payload.path("installation");
        long id = installation.path("id").asLong();
        switch (payload.path("action").asText()) {
            case "created" -> {
                registration.register(installation);
                installations.setStatus(id, "active");
                installations.addRepositories(id, payload.path("repositories"));
            }
            case "deleted" -> installations.setStatus(id, "deleted");
            case "suspend" -> installations.setStatus(id, "suspended");
            case "unsuspend" -> installations.setStatus(id, "active");
            default -> {
                return false;
            }
        }
        return true;
    }

    boolean onRepositories(JsonNode payload) throws Exception {
        JsonNode installation = payload.path("installation");
        long id = installation.path("id").asLong();
        registration.register(installation);
        installations.setRepositorySelection(id, payload.path("repository_selection").asText(null));
        installations.addRepositories(id, payload.path("repositories_added"));
        installations.removeRepositories(id, payload.path("repositories_removed"));
        return true;
    }
}
