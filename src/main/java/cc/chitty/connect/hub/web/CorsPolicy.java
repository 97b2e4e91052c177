package cc.chitty.connect.hub.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for the API, MCP and public documents, from an allow-list ({@code hub.cors.allowed-origins}; wildcard
 * patterns such as {@code https://*.chitty.cc} and {@code http://localhost:[*]}). Allowed origins get the allow
 * headers, credentials and a cached preflight; any other origin gets no allow header (its preflight is refused),
 * so browsers keep its pages out while server-side clients, which send no Origin, are unaffected.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsPolicy.Properties.class)
class CorsPolicy {

    @ConfigurationProperties("hub.cors")
    record Properties(List<String> allowedOrigins, Duration maxAge) {
        Properties {
            allowedOrigins = allowedOrigins != null ? allowedOrigins : List.of();
            maxAge = maxAge != null ? maxAge : Duration.ofDays(1);
        }
    }

    /** The one CORS configuration: Tomcat's filter and the public port's gate ({@link PublicEdgeGate}) apply it. */
    @Bean
    CorsConfiguration hubCors(Properties properties) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOriginPatterns(properties.allowedOrigins());
        config.setAllowCredentials(true);
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of("Content-Type", "Authorization", "X-ChittyOS-API-Key", "Idempotency-Key",
                "X-Request-ID", "Mcp-Session-Id", "Mcp-Protocol-Version", "Last-Event-ID"));
        config.setExposedHeaders(List.of("X-Request-ID", "Retry-After", "Location", "Idempotent-Replayed",
                "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "RateLimit", "RateLimit-Policy",
                "Mcp-Session-Id", "WWW-Authenticate"));
        config.setMaxAge(properties.maxAge());
        return config;
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(CorsConfiguration config) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", config);
        source.registerCorsConfiguration("/mcp/**", config);
        source.registerCorsConfiguration("/mcp", config);
        source.registerCorsConfiguration("/openapi.json", config);
        source.registerCorsConfiguration("/health", config);
        // browser-based MCP clients discover the authorization server from here
        source.registerCorsConfiguration("/.well-known/oauth-protected-resource/**", config);
        source.registerCorsConfiguration("/.well-known/oauth-protected-resource", config);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new NoAllowHeaderForUnknownOrigins());
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(FilterOrder.CORS);
        return registration;
    }

    /** Spring refuses an unknown origin's actual request with 403; here it is answered, just without allow headers. */
    private static final class NoAllowHeaderForUnknownOrigins extends DefaultCorsProcessor {
        @Override
        protected boolean handleInternal(ServerHttpRequest request, ServerHttpResponse response,
                CorsConfiguration config, boolean preFlightRequest)
                throws IOException {
            if (!preFlightRequest && checkOrigin(config, request.getHeaders().getOrigin()) == null) {
                HttpHeaders headers = response.getHeaders();
                headers.addIfAbsent(HttpHeaders.VARY, HttpHeaders.ORIGIN);
                return true;
            }
            return super.handleInternal(request, response, config, preFlightRequest);
        }
    }
}
