package cc.chitty.connect.hub.context;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.context}: whether the hub registers itself in ChittyOS at start-up, under which name, which capability
 * each step calls, and how it retries after a hard failure.
 *
 * @param enabled      run the initialisation at all
 * @param name         the context's name, unique in {@code contexts}
 * @param initialDelay how long after start-up the first run begins
 * @param retryDelay   the first wait after a hard failure; each further wait doubles, jittered, up to maxRetryDelay
 * @param healthUrl    the URL the registry is given for the hub's health
 * @param steps        the capability route each step calls
 * @param metadata     what the hub says about itself to ChittyOS (stored with its DNA record and its row)
 */
@ConfigurationProperties("hub.context")
record ContextProperties(boolean enabled, String name, Duration initialDelay, Duration retryDelay,
        Duration maxRetryDelay, String healthUrl, Steps steps, Metadata metadata) {

    ContextProperties {
        name = name != null ? name : "chittyconnect";
        initialDelay = initialDelay != null ? initialDelay : Duration.ofSeconds(2);
        retryDelay = retryDelay != null ? retryDelay : Duration.ofSeconds(30);
        maxRetryDelay = maxRetryDelay != null ? maxRetryDelay : Duration.ofMinutes(30);
        healthUrl = healthUrl != null ? healthUrl : "https://connect.chitty.cc/health";
        steps = steps != null ? steps : new Steps(null, null, null, null, null, null);
        metadata = metadata != null ? metadata : new Metadata(null, null, null, null);
    }

    /** The hub's description of itself; {@code capabilities} is also what it registers in ChittyRegistry. */
    record Metadata(String version, String type, String description, List<String> capabilities) {

        Metadata {
            version = version != null ? version : "1.0.0";
            type = type != null ? type : "ai-integration-hub";
            description = description != null ? description : "ChittyConnect Hub: REST, MCP and GitHub for ChittyOS";
            capabilities = capabilities != null ? List.copyOf(capabilities) : List.of("mcp", "rest-api", "github-app");
        }

        Map<String, Object> asMap() {
            return Map.of("version", version, "type", type, "capabilities", capabilities, "description",
                    description);
        }
    }

    /**
     * The capability ids of the steps, in the order they run; each names a route in {@code routes/*.camel.yaml},
     * where its upstream path, request schema and defaults are. Mint and keys are hard steps, the others soft.
     */
    record Steps(String mint, String dna, String keys, String register, String verify, String certify) {

        Steps {
            mint = mint != null ? mint : "chittyid.mint";
            dna = dna != null ? dna : "chittydna.initialize";
            keys = keys != null ? keys : "chittyauth.provision";
            register = register != null ? register : "chittyregistry.register";
            verify = verify != null ? verify : "chittyverify.context";
            certify = certify != null ? certify : "chittycertify.context";
        }
    }
}
