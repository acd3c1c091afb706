package ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import ledger.kernel.security.Role;
import ledger.security.ApiDocumentChecks;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Every endpoint of the query side, tried by every role and by nobody. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4"})
class QuerySideAccessTest {

    /** An endpoint, and which roles may use it (null: public, no sign-in needed). */
    record Endpoint(String path, Set<Role> allowed, int allowedStatus) {
    }

    static final Set<Role> EVERYONE = Role.SIGN_IN_ROLES;
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/api/ledger/2026-03", Role.BUREAU_STAFF, 200),
            new Endpoint("/api/tasks/task-unknown", Role.BUREAU_STAFF, 404),
            new Endpoint("/api/me", EVERYONE, 200),
            new Endpoint("/api/bulletins", Role.BUREAU_STAFF, 200),
            new Endpoint("/api/units/unit-nobody/record", Role.BUREAU_STAFF, 404),
            new Endpoint("/api/events?limit=1", EnumSet.of(Role.API_CLIENT, Role.DISCIPLINE_INSPECTION), 200),
            new Endpoint("/api/timelines/tasks/task-nobody", EnumSet.of(Role.API_CLIENT, Role.DISCIPLINE_INSPECTION), 404),
            new Endpoint("/api/bulletins/2030-01", Role.BUREAU_STAFF, 404),
            new Endpoint("/api/audit/verify?from=1&to=1", EnumSet.of(Role.DISCIPLINE_INSPECTION), 200),
            new Endpoint("/api/audit/alarms", EnumSet.of(Role.DISCIPLINE_INSPECTION), 200),
            new Endpoint("/api/audit/evidence/bulletins/2030-01",
                    EnumSet.of(Role.API_CLIENT, Role.DISCIPLINE_INSPECTION), 404),
            new Endpoint("/api/cadres/cadre-nobody/record",
                    EnumSet.of(Role.PERSONNEL_OFFICE, Role.DISCIPLINE_INSPECTION, Role.BUREAU_LEADER), 404),
            new Endpoint("/api/cadres/cadre-nobody/evidence",
                    EnumSet.of(Role.PERSONNEL_OFFICE, Role.DISCIPLINE_INSPECTION, Role.BUREAU_LEADER), 404),
            new Endpoint("/api/admin/processors", EnumSet.of(Role.ADMIN), 200),
            new Endpoint("/api/events/schema", EVERYONE, 200),
            new Endpoint("/api/audit/search?limit=1", EnumSet.of(Role.DISCIPLINE_INSPECTION), 200),
            new Endpoint("/api/cadres/cadre-nobody/evidence/package",
                    EnumSet.of(Role.PERSONNEL_OFFICE, Role.DISCIPLINE_INSPECTION, Role.BUREAU_LEADER), 404),
            new Endpoint("/api/timelines/cadres/cadre-nobody", EnumSet.of(Role.API_CLIENT, Role.DISCIPLINE_INSPECTION),
                    404),
            new Endpoint("/api/admin/dead-letters", EnumSet.of(Role.ADMIN), 200),
            new Endpoint("/api/admin/dead-letters/ledger", EnumSet.of(Role.ADMIN), 200),
            new Endpoint("/api/admin/dead-letters/no-such-view", EnumSet.of(Role.ADMIN), 404),
            new Endpoint("/actuator/metrics", EnumSet.of(Role.ADMIN), 200),
            new Endpoint("/actuator/health", null, 200),
            new Endpoint("/v3/api-docs", null, 200));

    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(accounts, passwords);
    }

    @Test
    void the_api_description_lets_swagger_ui_sign_in_with_basic_or_bearer() throws Exception {
        ApiDocumentChecks.declaresBasicAndBearerOnEveryOperation(ApiDocumentChecks.document(http));
        ApiDocumentChecks.swaggerUiSignsInWithBasic(http, "/api/admin/processors");
    }

    @Test
    void every_endpoint_answers_each_role_as_the_rules_say() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            int anonymous = http.getForEntity(endpoint.path(), String.class).getStatusCode().value();
            int expectedAnonymous = endpoint.allowed() == null ? endpoint.allowedStatus() : 401;
            if (anonymous != expectedAnonymous) {
                wrong.add("nobody " + endpoint.path() + " -> " + anonymous + ", expected " + expectedAnonymous);
            }
            for (Role role : Role.SIGN_IN_ROLES) {
                int status = http.withBasicAuth(TestAccounts.username(role), TestAccounts.PASSWORD)
                        .getForEntity(endpoint.path(), String.class).getStatusCode().value();
                boolean allowed = endpoint.allowed() == null || endpoint.allowed().contains(role);
                int expected = allowed ? endpoint.allowedStatus() : 403;
                if (status != expected) {
                    wrong.add(role + " " + endpoint.path() + " -> " + status + ", expected " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_cadre_sees_their_own_record_but_not_another_cadres() {
        TestRestTemplate staff = http.withBasicAuth(TestAccounts.username(Role.UNIT_STAFF), TestAccounts.PASSWORD);

        var own = staff.getForEntity("/api/cadres/" + TestAccounts.personId(Role.UNIT_STAFF) + "/record", String.class);
        var other = staff.getForEntity("/api/cadres/" + TestAccounts.personId(Role.UNIT_HEAD) + "/record", String.class);

        assertThat(own.getStatusCode().value()).isEqualTo(404); // allowed; no record has been built for them yet
        assertThat(other.getStatusCode().value()).isEqualTo(403);
        assertThat(other.getBody()).contains("\"code\":\"NOT_PERMITTED\"");
    }

    @Test
    void an_administrators_remembered_credentials_rebuild_nothing_from_another_site() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setOrigin("https://evil.example");
        var admin = http.withBasicAuth(TestAccounts.username(Role.ADMIN), TestAccounts.PASSWORD);
        for (String path : List.of("/api/admin/processors/ledger/rebuild", "/api/admin/dead-letters/ledger/retries")) {
            var response = admin.exchange(path, HttpMethod.POST, new HttpEntity<>("go=1", headers), String.class);
            assertThat(response.getStatusCode().value()).as(path).isEqualTo(403);
            assertThat(response.getBody()).contains("\"code\":\"CROSS_SITE_REQUEST\"");
        }
        headers.setOrigin(null);
        var withoutOrigin = admin.exchange("/api/admin/processors/ledger/rebuild", HttpMethod.POST,
                new HttpEntity<>("go=1", headers), String.class);
        assertThat(withoutOrigin.getStatusCode().value()).isEqualTo(415);
    }

    @Test
    void unknown_paths_are_404_and_wrong_methods_405_for_a_signed_in_person() {
        var admin = http.withBasicAuth(TestAccounts.username(Role.ADMIN), TestAccounts.PASSWORD);
        var unknown = admin.getForEntity("/api/nothing", String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("\"code\":\"UNKNOWN_RESOURCE\"", "/api/nothing");
        var commandPath = admin.postForEntity("/api/tasks", null, String.class);
        assertThat(commandPath.getStatusCode().value()).as("a command path on the query side").isIn(404, 405);
        var wrongMethod = admin.exchange("/api/admin/processors", HttpMethod.DELETE, null, String.class);
        assertThat(wrongMethod.getStatusCode().value()).isEqualTo(405);
    }

    @Test
    void a_wrong_password_is_401_with_a_problem_document() {
        var response = http.withBasicAuth(TestAccounts.username(Role.UNIT_STAFF), "wrong-password")
                .getForEntity("/api/ledger/2026-03", String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("LedgerBasic");
        assertThat(response.getBody()).contains("\"code\":\"AUTHENTICATION_REQUIRED\"");
    }

    @Test
    void me_is_the_signed_in_actor() {
        String me = http.withBasicAuth(TestAccounts.STAFF_OF_UNIT_B, TestAccounts.PASSWORD)
                .getForObject("/api/me", String.class);

        assertThat(me).contains("\"personId\":\"cadre-test-unit-staff-b\"", "\"role\":\"UNIT_STAFF\"", "\"unitId\":\"unit-b\"");
    }
}
