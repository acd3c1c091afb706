package ledger.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * Builds a service's filter chain: stateless, Basic or JWT, problem documents for 401/403, the
 * public endpoints (health, API description), then the service's own rules, and everything else
 * denied. A service lists its endpoints; whatever it forgets stays closed.
 */
public class LedgerSecurity {

    private static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/v3/api-docs",
            "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    private final JwtDecoder jwtDecoder;
    private final ProblemSecurityHandlers handlers;
    private final ApiRequestGuard guard;

    public LedgerSecurity(JwtDecoder jwtDecoder, ProblemSecurityHandlers handlers, ApiRequestGuard guard) {
        this.jwtDecoder = jwtDecoder;
        this.handlers = handlers;
        this.guard = guard;
    }

    public boolean usesJwt() {
        return jwtDecoder != null;
    }

    public SecurityFilterChain filterChain(HttpSecurity http,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules)
            throws Exception {
        // No cookies and no sessions: every request carries its credentials, so CSRF tokens do not apply;
        // what a browser could still send on its own (remembered credentials) the guard refuses first.
        http.addFilterAfter(guard, HeaderWriterFilter.class);
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
            .authorizeHttpRequests(authorize -> {
                authorize.requestMatchers(PUBLIC).permitAll();
                // the second dispatch of a streamed response (server-sent events) belongs to a request
                // that was already authorised; the stateless chain would otherwise find no one signed in
                authorize.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll();
                rules.customize(authorize);
                authorize.anyRequest().access(new UnmappedPaths(http.getSharedObject(ApplicationContext.class)));
            });
        if (jwtDecoder != null) {
            http.oauth2ResourceServer(resource -> resource
                    .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(new JwtActorConverter()))
                    .authenticationEntryPoint(handlers)
                    .accessDeniedHandler(handlers));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(handlers));
        }
        return http.build();
    }
}
