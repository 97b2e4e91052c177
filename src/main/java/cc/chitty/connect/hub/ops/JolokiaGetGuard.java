package cc.chitty.connect.hub.ops;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import cc.chitty.connect.hub.web.FilterOrder;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Jolokia reads its command from a GET's path (or its {@code p} parameter) as readily as from a POST's body, and a
 * cross-site page can make an operator's browser send a GET with the cached Basic credentials (an image tag will
 * do) but no CSRF token. So a GET or HEAD may only read, list, search or ask the version; anything else
 * ({@code exec}, {@code write}, or a command this guard cannot read) is refused with 403 before Jolokia sees it.
 * POSTs pass: they carry the console's CSRF token, and {@code jolokia-access.xml} says what they may do.
 */
@Configuration(proxyBeanMethods = false)
class JolokiaGetGuard {

    private static final Set<String> READ_ONLY = Set.of("read", "list", "search", "version");
    private static final String[] PREFIXES = {"/actuator/hawtio/jolokia", "/actuator/jolokia"};

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> jolokiaGetGuardFilter(ProblemWriter problems) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                        && !READ_ONLY.contains(command(request))) {
                    problems.write(response, Problem.of(403, "jolokia-read-only-get", "Forbidden",
                            "A GET to Jolokia may only read, list, search or ask the version; send other "
                                    + "commands as a POST"));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/actuator/jolokia", "/actuator/jolokia/*", "/actuator/hawtio/jolokia",
                "/actuator/hawtio/jolokia/*");
        registration.setOrder(FilterOrder.JOLOKIA_GET_GUARD);
        return registration;
    }

    /** The Jolokia command a GET names, as Jolokia would read it; "version" for the bare endpoint. */
    private static String command(HttpServletRequest request) {
        String path = request.getParameter("p");
        if (path == null) {
            path = request.getRequestURI().substring(request.getContextPath().length());
            for (String prefix : PREFIXES) {
                if (path.startsWith(prefix)) {
                    path = path.substring(prefix.length());
                    break;
                }
            }
        }
        String rest;
        try {
            rest = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8).replaceFirst("^/+", "");
        } catch (IllegalArgumentException malformed) {
            return "";
        }
        if (rest.isEmpty()) {
            return "version";
        }
        int end = rest.indexOf('/');
        return (end < 0 ? rest : rest.substring(0, end)).toLowerCase(Locale.ROOT);
    }
}
