package cc.chitty.connect.hub.tracing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No observation of Spring Security's filter chains, authentication or authorization. Turning the observations off
 * by property ({@code management.observations.enable.spring.security}) only made them no-ops: Spring Security
 * still wrapped each of its filters in an observing decorator, since the registry is not the no-op one. This bean
 * takes the decorator out (issue 13).
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
