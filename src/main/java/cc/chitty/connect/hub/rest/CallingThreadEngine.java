package cc.chitty.connect.hub.rest;

import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * platform-http's engine with an executor that runs each exchange on the thread that calls it, in place of the
 * starter's, which ran it on the application task executor. With {@link RestDoorPathScope} calling the consumer
 * directly, a REST request is served on the container's thread from the first filter to the last byte: no
 * hand-off to a pool and no async dispatch back through every filter (the JFR profile of issue 13).
 */
@Configuration(proxyBeanMethods = false)
class CallingThreadEngine {

    /** Under the starter's name, which platform-http looks the engine up by in Camel's registry. */
    @Bean("platform-http-engine")
    PlatformHttpEngine platformHttpEngine(@Value("${server.port:8080}") int port) {
        return new SpringBootPlatformHttpEngine(port, Runnable::run);
    }
}
