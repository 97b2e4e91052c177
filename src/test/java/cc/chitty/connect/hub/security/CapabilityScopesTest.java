package cc.chitty.connect.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.TestRoutes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scopes and rate tiers follow the capability a request runs, however its path is written. */
class CapabilityScopesTest extends HubIntegrationTest {

    private static final String MINT = "{\"entity\":\"PEO\"}";

    private final Path renamed = TestRoutes.dir().resolve("renamed-mint.camel.yaml");

    @AfterEach
    void removeRenamedRoute() throws IOException {
        Files.deleteIfExists(renamed);
    }

    @Test
    void twelvePercentEncodedMintsGetNoTwelfthMint() {
        String key = createKey(Map.of("name", "encoded-mint")).get("key").asText();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(postJson("/api/chittyid/%6Dint", key, MINT).statusCode());
        }

        assertThat(statuses).as("statuses").filteredOn(s -> s == 201).hasSizeLessThanOrEqualTo(10);
        assertThat(statuses.subList(10, 12)).as("statuses").allMatch(s -> s == 400 || s == 429);
    }

    @Test
    void aKeyWithoutTheMintScopeCannotMintThroughAPercentEncodedPath() {
        String key = createKey("writer-not-minter", "chittyid:write").get("key").asText();

        HttpResponse<String> encoded = postJson("/api/chittyid/%6Dint", key, MINT);
        assertThat(encoded.statusCode()).isEqualTo(400);
        assertThat(encoded.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> plain = postJson("/api/chittyid/mint", key, MINT);
        assertThat(plain.statusCode()).isEqualTo(403);
        assertThat(parse(plain.body()).get("requiredScope").asText()).isEqualTo("chittyid:mint");
    }

    @Test
    void aPercentEncodedMcpPathCannotSkipTheMcpGuards() {
        HttpResponse<String> response = send(request("/%6Dcp").header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("X-ChittyOS-API-Key", newKey())
                .header("MCP-Protocol-Version", "1999-01-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aRestPathRenamedInARouteFileKeepsItsCapabilitysScopeAndTier() throws IOException {
        writeRenamedMintRoute();
        String minter = createKey(Map.of("name", "renamed-minter", "scopes", List.of("chittyid:mint")))
                .get("key").asText();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> postJson("/api/renamed/mint", minter, MINT).statusCode() == 201);

        String renamedWriter = createKey("renamed-writer", "renamed:write", "renamed:*").get("key").asText();
        HttpResponse<String> refused = postJson("/api/renamed/mint", renamedWriter, MINT);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(parse(refused.body()).get("requiredScope").asText()).isEqualTo("chittyid:mint");

        for (int i = 2; i <= 10; i++) {
            assertThat(postJson("/api/renamed/mint", minter, MINT).statusCode()).as("mint %d", i).isEqualTo(201);
        }
        HttpResponse<String> eleventh = postJson("/api/renamed/mint", minter, MINT);
        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.headers().firstValue("RateLimit-Policy").orElseThrow()).startsWith("\"chittyid_mint\"");
    }

    private void writeRenamedMintRoute() throws IOException {
        Path temp = Files.createTempFile(TestRoutes.dir().getParent(), "renamed", ".tmp");
        Files.writeString(temp, """
                - rest:
                    id: renamed-mint-api
                    path: /api/renamed
                    post:
                      - id: renamedMint
                        path: /mint
                        routeId: rest.renamed.mint
                        consumes: application/json
                        to: direct:chittyid.mint
                """);
        Files.move(temp, renamed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
