package cc.chitty.connect.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route file validates against the YAML DSL JSON schema shipped in the camel-yaml-dsl jar on the classpath,
 * the schema Kaoto and the IDE plugins check a file with. Camel's loader is more lenient (it converts "false" to a
 * boolean), so a file it runs can still be shown as broken in those tools.
 */
class RouteFilesSchemaTest {

    private static final JsonSchema YAML_DSL = yamlDslSchema();

    static Stream<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            List<Path> routes = files.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList();
            assertThat(routes).isNotEmpty();
            return routes.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void routeFileValidatesAgainstTheYamlDslSchemaOfTheCamelVersionInUse(Path file) throws IOException {
        JsonNode routes = new YAMLMapper().readTree(file.toFile());

        List<String> violations = YAML_DSL.validate(routes).stream().map(ValidationMessage::getMessage).sorted()
                .toList();

        assertThat(violations).as(file.toString()).isEmpty();
    }

    private static JsonSchema yamlDslSchema() {
        try (InputStream schema = RouteFilesSchemaTest.class.getResourceAsStream("/schema/camelYamlDsl.json")) {
            assertThat(schema).as("schema/camelYamlDsl.json from camel-yaml-dsl on the classpath").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema,
                    SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
