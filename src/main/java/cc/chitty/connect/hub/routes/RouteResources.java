package cc.chitty.connect.hub.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Files beside the route files (request and response schemas, upstream declarations), read from wherever the routes
 * are read ({@code hub.routes.location}), so the jar, Docker and the local run all see the files an engineer edits.
 */
@Component
public class RouteResources {

    private final String location;
    private final DefaultResourceLoader loader = new DefaultResourceLoader();

    RouteResources(@Value("${hub.routes.location}") String location) {
        this.location = location;
    }

    /** The file at a path relative to the routes directory (e.g. {@code schemas/chittyid.mint.json}), if any. */
    public Optional<InputStream> open(String relativePath) {
        Resource resource = loader.getResource(location + "/" + relativePath);
        if (!resource.exists()) {
            return Optional.empty();
        }
        try {
            return Optional.of(resource.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location + "/" + relativePath, e);
        }
    }

    /** When the file was last changed (ms), or 0 when that is unknown (a file in the jar) or there is none. */
    public long lastModified(String relativePath) {
        try {
            Resource resource = loader.getResource(location + "/" + relativePath);
            return resource.isFile() ? resource.lastModified() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Spring resource prefix of the routes directory: {@code file:/…/routes} or {@code classpath:routes}. */
    public String location() {
        return location;
    }
}
