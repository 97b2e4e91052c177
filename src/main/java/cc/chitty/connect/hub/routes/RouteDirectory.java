package cc.chitty.connect.hub.routes;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the hub reads its route files, schemas ({@code schemas/}) and upstream declarations ({@code *.upstream.yaml})
 * from. Guarantees: a configured directory is used or the hub does not start; with none configured, {@code ./routes}
 * is used when it exists, else the copies packaged in the jar; a directory is watched when reload is on, the jar's
 * copies never.
 *
 * @param directory the directory on disk, or null for the jar's copies
 * @param reload    whether the directory is watched for changes
 */
record RouteDirectory(Path directory, boolean reload) {

    static final String PACKAGED = "classpath:routes";

    /**
     * @param configured {@code hub.routes.directory} ({@code HUB_ROUTES_DIR}); blank: {@code ./routes} if present
     * @param reload     {@code hub.routes.reload} ({@code HUB_ROUTES_RELOAD})
     */
    static RouteDirectory resolve(String configured, boolean reload, Path workingDirectory) {
        if (configured != null && !configured.isBlank()) {
            Path dir = workingDirectory.resolve(configured.trim()).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("hub.routes.directory (HUB_ROUTES_DIR) is " + configured
                        + ", but " + dir + " is not a directory: create it, or unset it to use ./routes or the"
                        + " routes packaged in the jar");
            }
            return new RouteDirectory(dir, reload);
        }
        Path local = workingDirectory.resolve("routes").toAbsolutePath().normalize();
        return Files.isDirectory(local) ? new RouteDirectory(local, reload) : new RouteDirectory(null, false);
    }

    /** Spring resource prefix of the files: {@code file:/…/routes} or {@code classpath:routes}. */
    String location() {
        return directory == null ? PACKAGED : "file:" + directory;
    }

    String includePattern() {
        return location() + "/*.camel.yaml";
    }

    String describe() {
        return directory == null ? "routes packaged in the jar (" + PACKAGED + "), not watched"
                : "routes from " + directory + (reload ? ", watched for changes" : ", not watched (HUB_ROUTES_RELOAD=false)");
    }
}
