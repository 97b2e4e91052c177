package cc.chitty.connect.hub.security;

import java.io.IOException;

import cc.chitty.connect.hub.ratelimit.FailureThrottle;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.ProblemWriter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Three filter chains: API keys, and OAuth access tokens when an issuer is configured ({@link BearerTokens}), for
 * MCP ({@code /mcp}, {@code /mcp/**} but the manifest; the REST door checks the same credentials in its Camel
 * routes, {@link Credentials});
 * operator Basic login for {@code /admin/**} and the actuator (Hawtio, Jolokia, metrics; health stays public for
 * probes); everything else public, but for the REST door ({@code /api/**}), which Spring Security leaves to its
 * routes. Writes on the operator chain need proof that they are not a cross-site request:
 * the console's CSRF token, or for {@code /admin/**} the {@value #ADMIN_SCRIPT_HEADER} header.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String OPERATOR = "OPERATOR";
    /** What an operator's script sends with every write to {@code /admin/**}, in place of a CSRF token. */
    static final String ADMIN_SCRIPT_HEADER = "X-Requested-By";

    @Bean
    @Order(1)
    SecurityFilterChain mcpChain(HttpSecurity http, Credentials credentials, FailureThrottle throttle,
            ProblemWriter problems, BearerTokens bearerTokens) throws Exception {
        bearerTokens.applyTo(http);
        // MCP's transports and legacy REST endpoints; the manifest stays public, as the original's
        RequestMatcher mcp = new AndRequestMatcher(new OrRequestMatcher(path("/mcp"), path("/mcp/**")),
                new NegatedRequestMatcher(path("/mcp/manifest")));
        return http.securityMatcher(mcp)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                // nothing to log out of with a key or a token: one filter less on every call
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(new ApiKeyAuthenticationFilter(credentials, throttle, problems),
                        AuthorizationFilter.class)
                // scopes are the MCP door's business, per tool, resource and prompt (McpCallGate)
                .authorizeHttpRequests(a -> a
                        // an async dispatch (an MCP stream's) belongs to a request already authorized
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint(problems, "Bearer")))
                .build();
    }

    /**
     * The REST door passes no Spring Security filter: its routes check credentials, scopes and limits themselves
     * and write the security headers ({@code RestDoorRouteConfiguration}), on whichever engine serves them.
     */
    @Bean
    WebSecurityCustomizer restDoorOutsideSpringSecurity() {
        return web -> web.ignoring().requestMatchers(path("/api/**"));
    }

    @Bean
    @Order(2)
    SecurityFilterChain operatorChain(HttpSecurity http, FailureThrottle throttle, ProblemWriter problems)
            throws Exception {
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookiePath("/");
        // path matchers, not MVC ones: Jolokia is its own servlet, which MVC-based matching would not cover
        return http.securityMatcher(new OrRequestMatcher(path("/admin/**"), path("/actuator/**")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**"), path("/actuator/info"))
                        .permitAll()
                        .anyRequest().hasRole(OPERATOR))
                .httpBasic(b -> b.realmName("ChittyConnect operators")
                        .authenticationEntryPoint(problemEntryPoint(problems, "Basic")))
                .exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint(problems, "Basic"))
                        .accessDeniedHandler((request, response, denied) -> problems.write(response, Problem.of(403,
                                "forbidden", "Forbidden", "Operator credentials and a valid CSRF token (or, for "
                                        + "/admin, an " + ADMIN_SCRIPT_HEADER + " header) are required"))))
                // the console's Jolokia calls carry the cookie's token in X-XSRF-TOKEN, as Hawtio's Spring Security
                // guide sets it up; scripts calling the admin API send a header of ours instead, which a cross-site
                // form cannot send and a cross-site script cannot either without a CORS preflight that /admin refuses
                .csrf(c -> c.ignoringRequestMatchers(new AndRequestMatcher(path("/admin/**"),
                                new RequestHeaderRequestMatcher(ADMIN_SCRIPT_HEADER)))
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterBefore(new OperatorLoginThrottle(throttle, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    UserDetailsService operators(OperatorCredentials credentials) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(User.withUsername(credentials.username())
                .password(encoder.encode(credentials.password()))
                .roles(OPERATOR)
                .build());
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static AuthenticationEntryPoint problemEntryPoint(ProblemWriter problems, String scheme) {
        return (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", scheme + " realm=\""
                    + ("Basic".equals(scheme) ? "ChittyConnect operators" : "chittyconnect") + "\"");
            problems.write(response, Problem.of(401, "unauthenticated", "Authentication required",
                    "Basic".equals(scheme) ? "Operator credentials are required" : "An API key is required"));
        };
    }

    /** Makes the deferred CSRF token materialise, so its cookie reaches the console on the first page load. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
