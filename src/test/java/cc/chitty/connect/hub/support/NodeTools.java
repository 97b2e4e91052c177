package cc.chitty.connect.hub.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The npm tools of {@code scripts/console-check} (Playwright driving Debian's Chromium, Redocly's CLI), which
 * {@code .ci/run} installs with {@code npm ci}. In CI ({@code CI=true}) a missing tool fails the test that needs it;
 * elsewhere that test is skipped, saying what to install.
 */
public final class NodeTools {

    public static final Path DIR = Path.of("scripts/console-check");

    private NodeTools() {
    }

    /** Skips (or in CI fails) the calling test unless node, the npm packages and these files are there. */
    public static void require(String... files) {
        List<String> missing = new ArrayList<>();
        if (!onPath("node")) {
            missing.add("node (apt-get install nodejs npm)");
        }
        if (!Files.isDirectory(DIR.resolve("node_modules"))) {
            missing.add(DIR + "/node_modules (cd " + DIR + " && npm ci)");
        }
        for (String file : files) {
            if (!Files.exists(Path.of(file))) {
                missing.add(file + (file.endsWith("chromium") ? " (apt-get install chromium)" : ""));
            }
        }
        if (!missing.isEmpty()) {
            String message = "missing: " + String.join(", ", missing);
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    /** Runs a command in {@link #DIR} and returns its exit code and output (stdout and stderr together). */
    public static Result run(Duration timeout, Map<String, String> environment, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Path log = Files.createTempFile("node-tool", ".log");
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Result(-1, "timed out after " + timeout + "\n" + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Lints an OpenAPI document with Redocly's recommended rules, as a GPT action builder and code generators need
     * it; skips (or in CI fails) like {@link #require} when the tools are missing.
     */
    public static Result lintOpenApi(String document, String name) {
        require();
        try {
            Path file = Files.createDirectories(Path.of("target")).resolve(name).toAbsolutePath();
            Files.writeString(file, document);
            return run(Duration.ofMinutes(3), Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE",
                    "true"), "node_modules/.bin/redocly", "lint", "--extends=recommended", file.toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    public record Result(int exitCode, String output) {
    }
}
