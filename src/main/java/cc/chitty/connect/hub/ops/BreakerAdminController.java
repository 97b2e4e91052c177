package cc.chitty.connect.hub.ops;

import java.util.Map;
import java.util.TreeMap;

import cc.chitty.connect.hub.upstream.UpstreamBreakers;
import cc.chitty.connect.hub.web.Problem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators' view of the upstream circuit breakers, and a reset for when a service is known to be back. */
@RestController
@RequestMapping(path = "/admin/breakers", produces = MediaType.APPLICATION_JSON_VALUE)
class BreakerAdminController {

    private final UpstreamBreakers breakers;

    BreakerAdminController(UpstreamBreakers breakers) {
        this.breakers = breakers;
    }

    @GetMapping
    Map<String, String> states() {
        Map<String, String> states = new TreeMap<>();
        breakers.states().forEach((service, state) -> states.put(service, state.name().toLowerCase()));
        return states;
    }

    @PostMapping("/{service}/reset")
    ResponseEntity<Object> reset(@PathVariable String service) {
        if (!breakers.reset(service)) {
            return Problem.of(404, "not-found", "Not Found", "No upstream service " + service).toResponse();
        }
        return ResponseEntity.noContent().build();
    }
}
