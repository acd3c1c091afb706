package ledger.query.infrastructure;

import ledger.kernel.security.Role;
import ledger.security.LedgerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may read which view. The work ledger is open to the bureau's staff, not to API clients. */
@Configuration
public class SecurityConfiguration {

    /** The API and the service's own endpoints; every other path is the web application's (its own chain). */
    public static final String[] API_PATHS = {"/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    @Order(1)
    SecurityFilterChain querySideSecurity(HttpSecurity http, LedgerSecurity security) throws Exception {
        http.securityMatcher(API_PATHS);
        String[] staff = Role.BUREAU_STAFF.stream().map(Role::name).toArray(String[]::new);
        return security.filterChain(http, rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/ledger/*", "/api/tasks/*", "/api/bulletins", "/api/bulletins/*",
                        "/api/units/*/record", "/api/ledger/*/stream", "/api/statistics", "/api/meetings",
                        "/api/meetings/*", "/api/task-forces", "/api/task-forces/*")
                        .hasAnyRole(staff)
                .requestMatchers(HttpMethod.GET, "/api/events", "/api/events/stream", "/api/timelines/*/*")
                        .hasAnyRole(Role.API_CLIENT.name(), Role.DISCIPLINE_INSPECTION.name())
                .requestMatchers(HttpMethod.GET, "/api/audit/search").hasRole(Role.DISCIPLINE_INSPECTION.name())
                // re-verifying scans the whole log: the auditors only
                .requestMatchers(HttpMethod.GET, "/api/audit/verify", "/api/audit/alarms")
                        .hasRole(Role.DISCIPLINE_INSPECTION.name())
                // whoever may read every event may also take its proofs and the checkpoints away
                .requestMatchers(HttpMethod.GET, "/api/audit/checkpoints", "/api/audit/public-key",
                        "/api/audit/evidence/bulletins/*")
                        .hasAnyRole(Role.API_CLIENT.name(), Role.DISCIPLINE_INSPECTION.name())
                .requestMatchers(HttpMethod.GET, "/api/me", "/api/events/schema").authenticated()
                // everyone sees and marks only their own notifications
                .requestMatchers(HttpMethod.GET, "/api/notifications/me").authenticated()
                .requestMatchers(HttpMethod.POST, "/api/notifications/*/read").authenticated()
                // addresses and SMTP errors: for administrators only
                .requestMatchers(HttpMethod.GET, "/api/admin/mail-outbox").hasRole(Role.ADMIN.name())
                // who may see which cadre's record is decided per record (the cadre themself, or a reader role)
                .requestMatchers(HttpMethod.GET, "/api/cadres/*/record", "/api/cadres/*/evidence",
                        "/api/cadres/*/evidence/package").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/admin/processors").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/admin/processors/*/rebuild").hasRole(Role.ADMIN.name())
                // parked events show their failures' own messages: for administrators only
                .requestMatchers(HttpMethod.GET, "/api/admin/dead-letters", "/api/admin/dead-letters/*")
                        .hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/admin/dead-letters/*/retries").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.DELETE, "/api/admin/dead-letters/*/*", "/api/admin/dead-letters/*/*/*")
                        .hasRole(Role.ADMIN.name())
                .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name()));
    }
}
