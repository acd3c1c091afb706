package ledger.command.infrastructure;

import static ledger.kernel.security.Role.ADMIN;
import static ledger.kernel.security.Role.BUREAU_LEADER;
import static ledger.kernel.security.Role.BUREAU_OFFICE;
import static ledger.kernel.security.Role.DISCIPLINE_INSPECTION;
import static ledger.kernel.security.Role.ORGAN_PARTY_COMMITTEE;
import static ledger.kernel.security.Role.PERSONNEL_OFFICE;
import static ledger.kernel.security.Role.UNIT_HEAD;
import static ledger.kernel.security.Role.UNIT_STAFF;

import java.util.Arrays;

import com.fasterxml.jackson.databind.ObjectMapper;

import ledger.kernel.security.Role;
import ledger.security.LedgerSecurity;
import ledger.web.IdGenerator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import ledger.security.WebTokenFilter;

/** Who may send which command. Object-level rules (which task, which unit) live in the aggregates. */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain commandSideSecurity(HttpSecurity http, LedgerSecurity security, IdempotencyFilter idempotency,
                                            WebTokenFilter webTokens) throws Exception {
        http.addFilterAfter(idempotency, AuthorizationFilter.class);
        // the web application's forwarded writes, signed in by a token only this side can make
        http.addFilterBefore(webTokens, BasicAuthenticationFilter.class);
        return security.filterChain(http, rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/tasks").hasRole(BUREAU_LEADER.name())
                .requestMatchers(HttpMethod.POST, "/api/tasks/*/progress-reports", "/api/tasks/*/completion-claims",
                        "/api/tasks/*/deadline-change-requests", "/api/tasks/*/receipts",
                        "/api/tasks/*/urging-notices/*/replies").hasAnyRole(names(UNIT_HEAD, UNIT_STAFF))
                .requestMatchers(HttpMethod.POST, "/api/tasks/*/completion-verifications",
                        "/api/tasks/*/completion-rejections", "/api/tasks/*/urging-notices")
                .hasAnyRole(names(BUREAU_OFFICE, ORGAN_PARTY_COMMITTEE))
                .requestMatchers(HttpMethod.POST, "/api/tasks/*/deadline-change-decisions").hasRole(BUREAU_LEADER.name())
                .requestMatchers(HttpMethod.POST, "/api/task-forces", "/api/task-forces/*/meetings",
                        "/api/task-forces/*/feasibility-opinions", "/api/task-forces/*/referrals",
                        "/api/task-forces/*/dissolutions").hasRole(BUREAU_LEADER.name())
                .requestMatchers(HttpMethod.POST, "/api/task-forces/*/decisions").hasRole(BUREAU_OFFICE.name())
                .requestMatchers(HttpMethod.POST, "/api/scores", "/api/scores/*/correction-requests",
                        "/api/scores/*/correction-approvals").hasAnyRole(names(BUREAU_OFFICE, ORGAN_PARTY_COMMITTEE))
                .requestMatchers(HttpMethod.POST, "/api/bulletins", "/api/bulletins/*/entries", "/api/bulletins/*/errata")
                        .hasAnyRole(names(BUREAU_OFFICE, ORGAN_PARTY_COMMITTEE))
                .requestMatchers(HttpMethod.POST, "/api/bulletins/*/sign-offs")
                        .hasAnyRole(names(BUREAU_OFFICE, ORGAN_PARTY_COMMITTEE, DISCIPLINE_INSPECTION))
                .requestMatchers(HttpMethod.POST, "/api/bulletins/*/publication").hasRole(BUREAU_OFFICE.name())
                .requestMatchers(HttpMethod.POST, "/api/deliberation-meetings", "/api/deliberation-meetings/*/*")
                        .hasRole(BUREAU_LEADER.name())
                .requestMatchers(HttpMethod.POST, "/api/accounts", "/api/accounts/*/role-changes")
                        .hasAnyRole(names(Role.ACCOUNT_OPENERS))
                .requestMatchers(HttpMethod.POST, "/api/accounts/me/password-changes").authenticated()
                .requestMatchers(HttpMethod.POST, "/api/accounts/*/password-resets", "/api/accounts/*/disablement",
                        "/api/accounts/*/enablement").hasRole(ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/accounts").hasRole(ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/units").hasAnyRole(names(ADMIN, PERSONNEL_OFFICE))
                .requestMatchers(HttpMethod.POST, "/api/cadres", "/api/cadres/*/transfers",
                        "/api/cadres/*/leader-appointments", "/api/cadres/*/email-addresses",
                        "/api/cadres/*/assessments",
                        "/api/cadres/*/assessment-corrections", "/api/cadres/*/departures", "/api/cadres/*/awards",
                        "/api/units/*/awards", "/api/units/*/head-appointments", "/api/units/*/headship-ends",
                        "/api/cadres/*/front-line-records", "/api/cadres/*/mistakes",
                        "/api/cadres/*/error-tolerance-decisions").hasAnyRole(names(Role.PERSONNEL_RECORDERS))
                .requestMatchers(HttpMethod.POST, "/api/cadres/*/assessment-correction-approvals")
                        .hasAnyRole(names(Role.ASSESSMENT_CORRECTION_APPROVERS))
                .requestMatchers(HttpMethod.GET, "/api/me").authenticated()
                .requestMatchers(HttpMethod.POST, "/api/sessions").authenticated()
                .requestMatchers("/actuator/**").hasRole(ADMIN.name()));
    }

    /** Runs inside the security chain, after sign-in, so keys belong to the signed-in person. */
    @Bean
    IdempotencyFilter idempotencyFilter(ObjectMapper json, IdempotencyRetention retention) {
        return new IdempotencyFilter(json, retention);
    }

    /** Ids made while a request with an Idempotency-Key is handled are the same in every run of it. */
    @Bean
    IdGenerator idGenerator() {
        return RequestIdempotency.ids(IdGenerator.random());
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(IdempotencyFilter filter) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false); // added to the security chain instead of the servlet chain
        return registration;
    }

    static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }

    static String[] names(java.util.Set<Role> roles) {
        return roles.stream().map(Role::name).toArray(String[]::new);
    }
}
