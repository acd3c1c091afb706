package ledger.query.infrastructure;

import java.util.Arrays;

import ledger.kernel.security.Role;
import ledger.security.LedgerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may read which view. The work ledger is open to the bureau's staff, not to API clients. */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain querySideSecurity(HttpSecurity http, LedgerSecurity security) throws Exception {
        String[] staff = Role.BUREAU_STAFF.stream().map(Role::name).toArray(String[]::new);
        return security.filterChain(http, rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/ledger/*", "/api/tasks/*", "/api/bulletins", "/api/bulletins/*",
                        "/api/units/*/record")
                        .hasAnyRole(staff)
                .requestMatchers(HttpMethod.GET, "/api/events", "/api/timelines/*")
                        .hasAnyRole(Role.API_CLIENT.name(), Role.DISCIPLINE_INSPECTION.name())
                // re-verifying scans the whole log: the auditors only
                .requestMatchers(HttpMethod.GET, "/api/audit/verify").hasRole(Role.DISCIPLINE_INSPECTION.name())
                // whoever may read every event may also take its proofs and the checkpoints away
                .requestMatchers(HttpMethod.GET, "/api/audit/checkpoints", "/api/audit/public-key",
                        "/api/audit/evidence/bulletins/*")
                        .hasAnyRole(Role.API_CLIENT.name(), Role.DISCIPLINE_INSPECTION.name())
                .requestMatchers(HttpMethod.GET, "/api/me").authenticated()
                // who may see which cadre's record is decided per record (the cadre themself, or a reader role)
                .requestMatchers(HttpMethod.GET, "/api/cadres/*/record").authenticated()
                .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name()));
    }
}
