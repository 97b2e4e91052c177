package cc.chitty.connect.hub.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /openapi.json}, public: the REST door's contract as loaded right now (routes may be reloaded). */
@RestController
class OpenApiController {

    private final OpenApiDocument document;

    OpenApiController(OpenApiDocument document) {
        this.document = document;
    }

    @GetMapping(path = "/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode openApi() {
        return document.build();
    }
}
