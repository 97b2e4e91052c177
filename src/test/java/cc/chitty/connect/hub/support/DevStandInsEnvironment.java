package cc.chitty.connect.hub.support;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * For the local run ({@code mvn spring-boot:run}, dev profile, test classpath): starts the WireMock stand-ins
 * and points every upstream service at its own, so a newcomer's first calls get real answers with no credentials.
 * Does nothing unless {@code hub.stand-ins.enabled} is true, which only the dev profile sets.
 */
public class DevStandInsEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getProperty("hub.stand-ins.enabled", Boolean.class, false)) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        StandIns.all().forEach((service, server) -> {
            props.put("hub.upstreams.services." + service + ".base-url", server.baseUrl());
            props.put("hub.upstreams.services." + service + ".token", "stand-in-token");
        });
        env.getPropertySources().addFirst(new MapPropertySource("hubDevStandIns", props));
        // a local run that fails to start must end, not wait on the stand-ins' threads
        application.addListeners((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof ApplicationFailedEvent) {
                StandIns.stopAll();
            }
        });
        System.out.println("Upstreams answered by WireMock stand-ins: " + props.keySet().stream()
                .filter(k -> k.endsWith("base-url")).map(k -> k + "=" + props.get(k)).toList());
    }
}
