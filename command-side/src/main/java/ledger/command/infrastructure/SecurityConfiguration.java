package ledger.command.infrastructure;

import static ledger.kernel.security.Role.ADMIN;
import static ledger.kernel.security.Role.BUREAU_LEADER;
import static ledger.kernel.security.Role.PERSONNEL_OFFICE;
import static ledger.kernel.security.Role.UNIT_HEAD;
import static ledger.kernel.security.Role.UNIT_STAFF;

import java.util.Arrays;

import ledger.kernel.security.Role;
import ledger.security.LedgerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may send which command. Object-level rules (which task, which unit) live in the aggregates. */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain commandSideSecurity(HttpSecurity http, LedgerSecurity security) throws Exception {
        return security.filterChain(http, rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/tasks").hasRole(BUREAU_LEADER.name())
                .requestMatchers(HttpMethod.POST, "/api/tasks/*/progress-reports").hasAnyRole(names(UNIT_HEAD, UNIT_STAFF))
                .requestMatchers(HttpMethod.POST, "/api/accounts").hasAnyRole(names(ADMIN, PERSONNEL_OFFICE))
                .requestMatchers(HttpMethod.GET, "/api/me").authenticated()
                .requestMatchers("/actuator/**").hasRole(ADMIN.name()));
    }

    static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
