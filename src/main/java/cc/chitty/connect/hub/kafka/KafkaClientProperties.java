package cc.chitty.connect.hub.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.kafka}: where the brokers are and how every client of the hub talks to them. {@link #clientConfig()}
 * is the one translation into Kafka client properties; nothing else builds security settings.
 */
@ConfigurationProperties("hub.kafka")
public record KafkaClientProperties(String bootstrapServers, String securityProtocol, Sasl sasl, Ssl ssl) {

    public KafkaClientProperties {
        securityProtocol = blank(securityProtocol) ? "PLAINTEXT" : securityProtocol;
        sasl = sasl != null ? sasl : new Sasl(null, null, null, null);
        ssl = ssl != null ? ssl : new Ssl(null, null, null, null, null, null, null, null);
    }

    /**
     * {@code jaasConfig} wins when set (OAUTHBEARER, Kerberos); otherwise PLAIN and SCRAM logins are built from
     * {@code username} and {@code password}.
     */
    public record Sasl(String mechanism, String username, String password, String jaasConfig) {
    }

    /** Stores are files the JVM reads (PKCS12 or JKS); empty values are left to Kafka's defaults. */
    public record Ssl(String truststoreLocation, String truststorePassword, String truststoreType,
            String keystoreLocation, String keystorePassword, String keystoreType, String keyPassword,
            String endpointIdentificationAlgorithm) {
    }

    /** Bootstrap servers, security protocol, SASL and TLS as Kafka client properties. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new LinkedHashMap<>(securityConfig());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /** Security protocol, SASL and TLS only: what Camel's component takes on top of its own brokers setting. */
    Map<String, Object> securityConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        if (securityProtocol.startsWith("SASL_")) {
            put(config, SaslConfigs.SASL_MECHANISM, sasl.mechanism());
            put(config, SaslConfigs.SASL_JAAS_CONFIG, jaasConfig());
        }
        if (securityProtocol.endsWith("SSL")) {
            put(config, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, ssl.truststoreLocation());
            put(config, SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, ssl.truststorePassword());
            put(config, SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, ssl.truststoreType());
            put(config, SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, ssl.keystoreLocation());
            put(config, SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, ssl.keystorePassword());
            put(config, SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, ssl.keystoreType());
            put(config, SslConfigs.SSL_KEY_PASSWORD_CONFIG, ssl.keyPassword());
            // Kafka's "no host name check" is an empty value, which here already means "Kafka's default": "none"
            if ("none".equalsIgnoreCase(ssl.endpointIdentificationAlgorithm())) {
                config.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "");
            } else {
                put(config, SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG,
                        ssl.endpointIdentificationAlgorithm());
            }
        }
        return config;
    }

    private String jaasConfig() {
        if (!blank(sasl.jaasConfig())) {
            return sasl.jaasConfig();
        }
        if (blank(sasl.username())) {
            return null;
        }
        String module = String.valueOf(sasl.mechanism()).startsWith("SCRAM-")
                ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        return module + " required username=\"" + quoted(sasl.username()) + "\" password=\""
                + quoted(sasl.password()) + "\";";
    }

    private static String quoted(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void put(Map<String, Object> config, String key, String value) {
        if (!blank(value)) {
            config.put(key, value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        // the record's own toString would print the SASL and store passwords
        return "KafkaClientProperties[bootstrapServers=" + bootstrapServers + ", securityProtocol=" + securityProtocol
                + ", saslMechanism=" + sasl.mechanism() + "]";
    }
}
