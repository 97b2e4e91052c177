package cc.chitty.connect.hub.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/** The catalogue file an integration engineer edits: what it must say, and what stops the hub from starting. */
class McpCatalogueTest {

    @TempDir
    Path dir;

    @Test
    void theShippedCatalogueNamesCapabilityIdsForTwelveToolsThreeResourcesAndThreePrompts() {
        McpCatalogue catalogue = new McpCatalogue(new DefaultResourceLoader(), "file:routes/mcp-catalogue.yaml");
        assertThat(catalogue.tools()).extracting(McpCatalogue.ToolEntry::name)
                .containsExactlyInAnyOrderElementsOf(McpServerTest.CATALOGUE_TOOLS);
        assertThat(catalogue.tools()).allSatisfy(tool -> assertThat(tool.capability()).doesNotContain("/", " "));
        assertThat(catalogue.resources()).hasSize(3);
        assertThat(catalogue.prompts()).hasSize(3);
    }

    @Test
    void theValidationToolsOutputSchemaFitsTheHubsVerdictsAndTheServicesMarkedOnes() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Object> schema = mapper.readValue(Path.of("routes/schemas/mcp/chitty_id_validate.output.json")
                .toFile(), new TypeReference<>() {
                });
        ArgumentSchemas schemas = new ArgumentSchemas(mapper);
        assertThat(schemas.validate(schema, Map.of("chittyid", "x", "valid", false, "reason", "format",
                "checkedBy", "hub")).valid()).isTrue();
        // the stand-in's answer (standins/chittyid/mappings/validate.json), as ChittyIdValidations marks it
        assertThat(schemas.validate(schema, Map.of("success", true, "valid", true,
                "chittyid", "03-1-USA-5537-P-2602-0-38", "checkedBy", "service")).valid()).isTrue();
        assertThat(schemas.validate(schema, Map.of("success", true, "valid", true)).valid()).isFalse();
    }

    @Test
    void aToolKeyedByAUrlStringStopsTheStart() throws IOException {
        assertThatThrownBy(() -> load("""
                tools:
                  - name: chittyid_mint
                    title: Mint
                    description: Mint a ChittyID
                    capability: POST /api/chittyid/mint
                    annotations: {readOnlyHint: false}
                """)).hasMessageContaining("chittyid_mint").hasMessageContaining("capability id");
    }

    @Test
    void aMisspelledFieldOrAReadOnlyDestructiveToolStopsTheStart() throws IOException {
        assertThatThrownBy(() -> load("""
                tools:
                  - name: t
                    title: T
                    description: d
                    capability: chittyid.mint
                    annotation: {readOnlyHint: true}
                """)).hasStackTraceContaining("annotation");
        assertThatThrownBy(() -> load("""
                tools:
                  - name: t
                    title: T
                    description: d
                    capability: chittyid.mint
                    annotations: {readOnlyHint: true, destructiveHint: true}
                """)).hasMessageContaining("both read-only and destructive");
    }

    private McpCatalogue load(String yaml) throws IOException {
        Path file = dir.resolve("mcp-catalogue.yaml");
        Files.writeString(file, yaml);
        return new McpCatalogue(new DefaultResourceLoader(), file.toUri().toString());
    }
}
