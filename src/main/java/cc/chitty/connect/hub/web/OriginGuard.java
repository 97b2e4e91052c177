package cc.chitty.connect.hub.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The MCP transports' DNS-rebinding defence: a request to {@code /mcp} or {@code /mcp/**} whose {@code Origin} is
 * not on the CORS allow-list ({@code hub.cors.allowed-origins}) is refused with 403 before anything else runs, as
 * the MCP transport rules require. Requests without an {@code Origin} (server-side clients) pass.
 */
@Configuration(proxyBeanMethods = false)
class OriginGuard {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> mcpOriginGuard(CorsPolicy.Properties cors, ProblemWriter problems) {
        CorsConfiguration allowed = new CorsConfiguration();
        allowed.setAllowedOriginPatterns(cors.allowedOrigins());
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                String origin = request.getHeader(HttpHeaders.ORIGIN);
                if (origin != null && allowed.checkOrigin(origin) == null) {
                    problems.write(response, Problem.of(403, "forbidden-origin", "Origin not allowed",
                            "Requests from this Origin are not accepted by the MCP endpoints"));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/mcp", "/mcp/*");
        registration.setOrder(FilterOrder.MCP_ORIGIN);
        return registration;
    }
}
