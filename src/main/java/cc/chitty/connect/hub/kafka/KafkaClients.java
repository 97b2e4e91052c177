package cc.chitty.connect.hub.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.Ordered;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ForwardingAdmin;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Gives Camel's Kafka component (every {@code kafka:} producer and consumer) the security settings of
 * {@code hub.kafka}, and makes the one {@link Admin} that topic set-up, consumer lag and health share.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaClientProperties.class)
class KafkaClients {

    // the longest any Admin call may take; each caller bounds its own wait below this
    private static final int API_TIMEOUT_MS = 15_000;

    /** Runs after the starter's own customizer, so the security settings are not bound over. */
    @Bean
    ComponentCustomizer kafkaSecurityCustomizer(KafkaClientProperties properties) {
        return ComponentCustomizer.builder(KafkaComponent.class).withOrder(Ordered.LOWEST)
                .build(component -> {
                    Map<String, Object> additional = new HashMap<>(properties.securityConfig());
                    // what an operator set in camel.component.kafka.additional-properties wins
                    if (component.getConfiguration().getAdditionalProperties() != null) {
                        additional.putAll(component.getConfiguration().getAdditionalProperties());
                    }
                    component.getConfiguration().setAdditionalProperties(additional);
                });
    }

    /**
     * Lazy (injected as {@code @Lazy Admin}): created on first use, so it does not knock on a broker that is still
     * starting.
     */
    @Bean
    @Lazy
    Admin kafkaAdmin(KafkaClientProperties properties) {
        Map<String, Object> config = properties.clientConfig();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "hub-admin");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS);
        return new ForwardingAdmin(config) {
            // Admin.close() waits for pending calls without bound: shutdown must not hang on a broker that is gone
            @Override
            public void close() {
                close(Duration.ofSeconds(2));
            }
        };
    }
}
