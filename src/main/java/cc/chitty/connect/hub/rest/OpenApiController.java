package cc.chitty.connect.hub.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /openapi.json}, public: the REST door's contract as loaded right now (routes may be reloaded), served
 * from the hub's public base URL ({@code hub.public-base-url}), or from the origin the request was sent to.
 */
@RestController
class OpenApiController {

    private final OpenApiDocument document;
    private final String publicBaseUrl;

    OpenApiController(OpenApiDocument document, @Value("${hub.public-base-url:}") String publicBaseUrl) {
        this.document = document;
        this.publicBaseUrl = publicBaseUrl;
    }

    @GetMapping(path = "/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode openApi() {
        return document.build(publicBaseUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().replacePath(null).toUriString()
                : publicBaseUrl.replaceAll("/+$", ""));
    }
}
