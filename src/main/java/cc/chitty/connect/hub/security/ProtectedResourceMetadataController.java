package cc.chitty.connect.hub.security;

import java.time.Duration;

import cc.chitty.connect.hub.web.Problem;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * RFC 9728 protected resource metadata, public: {@code /.well-known/oauth-protected-resource} for the hub
 * ({@code resource} = the hub's URL) and {@code /.well-known/oauth-protected-resource/mcp} for its MCP endpoint
 * ({@code resource} = that URL plus {@code /mcp}), the path-suffixed form MCP clients derive from the server's URL.
 * 404, as for any unknown path, while no issuer is configured.
 */
@RestController
class ProtectedResourceMetadataController {

    private final ProtectedResource resource;

    ProtectedResourceMetadataController(ProtectedResource resource) {
        this.resource = resource;
    }

    @GetMapping(ProtectedResource.METADATA_PATH)
    ResponseEntity<Object> hub() {
        return document("");
    }

    @GetMapping(ProtectedResource.METADATA_PATH + ProtectedResource.MCP_PATH)
    ResponseEntity<Object> mcp() {
        return document(ProtectedResource.MCP_PATH);
    }

    private ResponseEntity<Object> document(String path) {
        if (!resource.enabled()) {
            return Problem.of(404, "not-found", "Not Found", "No resource at this path").toResponse();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(resource.metadata(path));
    }
}
