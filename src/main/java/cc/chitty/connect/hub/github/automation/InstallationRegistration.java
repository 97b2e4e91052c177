package cc.chitty.connect.hub.github.automation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cc.chitty.connect.hub.capability.CapabilityCaller;
import cc.chitty.connect.hub.capability.CapabilityFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives a GitHub installation its ChittyOS identity, as the original's install callback did: a CONTEXT ChittyID
 * minted through the {@code chittyid.mint} capability (audited; a failure fails the registration), a DNA record
 * through {@code chittydna.initialize} (soft: registration goes on without one), then the context row and the
 * installation row. An installation already registered keeps its identity, and one is minted only by the caller
 * that claimed the installation ({@link Installations#claim}): concurrent callbacks and events never mint a second,
 * orphaned ChittyID; the others get {@link RegistrationInProgress} (an event's retry then finds the row).
 */
@Component
public class InstallationRegistration {

    private static final Logger log = LoggerFactory.getLogger(InstallationRegistration.class);
    static final String ACTOR = "github-app";
    // longer than a mint and a DNA call with their timeouts and retries: only a crashed holder's claim is older
    private static final Duration STALE_CLAIM = Duration.ofMinutes(5);

    /** The installation's ChittyID, and whether this call registered it. */
    public record Registered(String chittyId, boolean created) {
    }

    /** Another caller holds the installation's registration; retry to read its result. */
    public static final class RegistrationInProgress extends IllegalStateException {
        RegistrationInProgress(long installationId) {
            super("installation " + installationId + " is being registered by another caller");
        }
    }

    private final CapabilityCaller capabilities;
    private final Installations installations;
    private final InstallationEntities entities;
    private final ObjectMapper mapper;

    InstallationRegistration(CapabilityCaller capabilities, Installations installations,
            InstallationEntities entities, ObjectMapper mapper) {
        this.capabilities = capabilities;
        this.installations = installations;
        this.entities = entities;
        this.mapper = mapper;
    }

    /** The installation's ChittyID, minted now unless it was registered before. */
    public Registered register(JsonNode installation) throws Exception {
        long installationId = installation.path("id").asLong();
        var existing = installations.chittyIdOf(installationId);
        if (existing.isPresent()) {
            return new Registered(existing.get(), false);
        }
        if (!installations.claim(installationId, STALE_CLAIM)) {
            throw new RegistrationInProgress(installationId);
        }
        try {
            // registered between the look-up and the claim, by a holder that has released it since
            existing = installations.chittyIdOf(installationId);
            return existing.isPresent() ? new Registered(existing.get(), false) : registerClaimed(installation);
        } finally {
            installations.release(installationId);
        }
    }

    private Registered registerClaimed(JsonNode installation) throws Exception {
        long installationId = installation.path("id").asLong();
        JsonNode account = installation.path("account");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("type", "github_installation");
        metadata.put("installationId", installationId);
        metadata.put("accountId", account.path("id").asLong());
        metadata.put("accountLogin", account.path("login").asText());
        metadata.put("accountType", account.path("type").asText());
        String chittyId = mint(metadata);
        String dnaId = initializeDna(chittyId, metadata);
        if (!installations.register(chittyId, dnaId, mapper.writeValueAsString(metadata), installation)) {
            return new Registered(installations.chittyIdOf(installationId).orElseThrow(), false);
        }
        entities.registered(installationId);
        log.info("GitHub installation {} ({}) registered as {}", installationId, account.path("login").asText(),
                chittyId);
        return new Registered(chittyId, true);
    }

    private String mint(Map<String, Object> metadata) {
        JsonNode answer = capabilities.request("chittyid.mint", ACTOR)
                .json(Map.of("entity", "CONTEXT", "metadata", metadata)).call().json();
        String chittyId = answer.path("chittyId").asText(answer.path("id").asText(""));
        if (chittyId.isEmpty()) {
            throw new IllegalStateException("the ChittyID service answered without an id");
        }
        return chittyId;
    }

    private String initializeDna(String chittyId, Map<String, Object> metadata) {
        try {
            JsonNode answer = capabilities.request("chittydna.initialize", ACTOR).upstreamHeader("X-ChittyID", chittyId)
                    .json(Map.of("chittyid", chittyId, "type", "context", "metadata", metadata, "genesis",
                            Map.of("service", "chittyconnect", "timestamp", Instant.now().toString(),
                                    "version", "1.0.0"))).call().json();
            return answer.path("id").asText(answer.path("dnaId").asText(null));
        } catch (CapabilityFailure failure) {
            log.warn("ChittyDNA did not initialize {}: {}", chittyId, failure.fault().errorClass().id());
            return null;
        }
    }
}
