package cc.chitty.connect.hub.ops;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Hawtio console asks for connections to other JVMs preset by the server before it shows this one; the hub
 * presets none (the console watches the hub itself), and says so rather than answering 404.
 */
@RestController
class HawtioPresetConnections {

    @GetMapping(path = "/actuator/hawtio/preset-connections", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Object> none() {
        return List.of();
    }
}
