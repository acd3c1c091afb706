package ledger.command.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ledger.command.TestOrganisation;
import ledger.kernel.account.AccountOpenedEvent;
import ledger.kernel.shared.MetadataKeys;
import ledger.kernel.security.Role;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import com.mongodb.client.MongoClient;
import ledger.store.MongoEventStorageEngine;
import ledger.store.StoreConnection;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4"})
class AccountApiIntegrationTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String SECRET = "a-long-enough-secret";

    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    MongoClient mongo;
    @Autowired
    StoreConnection store;
    TestRestTemplate personnel;
    TestRestTemplate admin;

    @BeforeEach
    void setUp() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
        personnel = http.withBasicAuth(TestAccounts.username(Role.PERSONNEL_OFFICE), TestAccounts.PASSWORD);
        admin = http.withBasicAuth(TestAccounts.username(Role.ADMIN), TestAccounts.PASSWORD);
    }

    @Test
    void accounts_for_persons_or_units_nobody_recorded_are_refused() {
        String clerk = cadre(TestAccounts.UNIT_A);
        List<ResponseEntity<Map>> refused = List.of(
                open(admin, "cadre-does-not-exist", Role.UNIT_STAFF, TestAccounts.UNIT_A),
                open(personnel, "cadre-does-not-exist", Role.UNIT_STAFF, TestAccounts.UNIT_A),
                open(admin, "cadre-unregistered", Role.BUREAU_LEADER, null),
                open(personnel, clerk, Role.UNIT_STAFF, "unit-nowhere"),
                open(personnel, clerk, Role.UNIT_HEAD, TestAccounts.UNIT_B));

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.getStatusCode().value()).isEqualTo(409);
            assertThat(response.getBody()).containsEntry("code", "NOT_RECORDED_FOR_ROLE");
        });
        assertThat(accounts.all()).noneMatch(account -> account.personId().equals("cadre-does-not-exist")
                || account.personId().equals("cadre-unregistered") || account.personId().equals(clerk));
    }

    @Test
    void the_personnel_office_cannot_open_identities_it_could_act_as_and_an_administrator_only_on_recorded_facts() {
        String clerk = cadre(TestAccounts.UNIT_A);
        String group = unit("STATIONED_DISCIPLINE_GROUP");
        String inspector = cadre(group);
        String office = cadre(unit("BUREAU_OFFICE"));

        for (var attempt : List.of(open(personnel, TestOrganisation.LEADER, Role.BUREAU_LEADER, null),
                open(personnel, clerk, Role.BUREAU_LEADER, null),
                open(personnel, inspector, Role.DISCIPLINE_INSPECTION, null),
                open(personnel, office, Role.BUREAU_OFFICE, null),
                open(personnel, "client-x", Role.API_CLIENT, null))) {
            assertThat(attempt.getStatusCode().value()).isEqualTo(403);
            assertThat(attempt.getBody()).containsEntry("code", "GRANT_NOT_PERMITTED");
        }
        assertThat(open(admin, clerk, Role.BUREAU_LEADER, null).getBody()).containsEntry("code", "NOT_RECORDED_FOR_ROLE");
        assertThat(open(admin, clerk, Role.DISCIPLINE_INSPECTION, null).getBody())
                .containsEntry("code", "NOT_RECORDED_FOR_ROLE");
        assertThat(open(admin, clerk, Role.BUREAU_OFFICE, null).getBody()).containsEntry("code", "NOT_RECORDED_FOR_ROLE");
        assertThat(open(admin, TestOrganisation.LEADER, Role.BUREAU_LEADER, null).getStatusCode().value()).isEqualTo(201);
        assertThat(open(admin, inspector, Role.DISCIPLINE_INSPECTION, null).getStatusCode().value()).isEqualTo(201);
        assertThat(open(admin, office, Role.BUREAU_OFFICE, null).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void nobody_is_given_the_systems_own_role_neither_on_opening_nor_by_a_role_change() {
        ResponseEntity<Map> opened = open(admin, "client-system", Role.SYSTEM, null);
        assertThat(opened.getStatusCode().value()).isEqualTo(400);
        assertThat(opened.getBody()).containsEntry("code", "INVALID_INPUT");
        assertThat(opened.getBody().toString()).contains("role");

        String username = (String) open(admin, "client-plain", Role.API_CLIENT, null).getBody().get("username");
        ResponseEntity<Map> changed = admin.postForEntity("/api/accounts/" + username + "/role-changes",
                Map.of("role", "SYSTEM"), Map.class);
        assertThat(changed.getStatusCode().value()).isEqualTo(400);
        assertThat(changed.getBody().toString()).contains("role");
        assertThat(accounts.all()).noneMatch(account -> account.role() == Role.SYSTEM);
    }

    @Test
    void the_opening_is_an_event_naming_whose_account_which_role_and_who_opened_it_from_which_account() {
        String clerk = cadre(TestAccounts.UNIT_A);
        long before = engine.lastReservedPosition();
        ResponseEntity<Map> opened = open(personnel, clerk, Role.UNIT_STAFF, TestAccounts.UNIT_A);
        assertThat(opened.getStatusCode().value()).isEqualTo(201);

        EventMessage<?> event = engine.readEvents(new GlobalSequenceTrackingToken(before), false)
                .filter(e -> e.getPayload() instanceof AccountOpenedEvent).findFirst().orElseThrow();
        AccountOpenedEvent payload = (AccountOpenedEvent) event.getPayload();
        assertThat(payload.personId()).isEqualTo(clerk);
        assertThat(payload.role()).isEqualTo(Role.UNIT_STAFF);
        assertThat(payload.unitId()).isEqualTo(TestAccounts.UNIT_A);
        assertThat(payload.openedBy()).isEqualTo(TestAccounts.personId(Role.PERSONNEL_OFFICE));
        assertThat(event.getMetaData()).containsEntry(MetadataKeys.ACTOR_ID, TestAccounts.personId(Role.PERSONNEL_OFFICE))
                .containsEntry(MetadataKeys.ACTOR_ACCOUNT, TestAccounts.username(Role.PERSONNEL_OFFICE));
        assertThat(payload.toString() + event.getMetaData()).doesNotContain(SECRET).doesNotContain("$2a$");
    }

    @Test
    void an_account_changes_its_password_is_reset_by_an_administrator_disabled_and_enabled_again() {
        String username = (String) open(personnel, cadre(TestAccounts.UNIT_A), Role.UNIT_STAFF, TestAccounts.UNIT_A)
                .getBody().get("username");
        assertThat(me(username, SECRET)).isEqualTo(200);

        TestRestTemplate self = http.withBasicAuth(username, SECRET);
        ResponseEntity<Map> wrong = self.postForEntity("/api/accounts/me/password-changes",
                Map.of("currentPassword", "not-the-password", "newPassword", "my-own-new-secret"), Map.class);
        assertThat(wrong.getBody()).containsEntry("code", "WRONG_PASSWORD");
        assertThat(self.postForEntity("/api/accounts/me/password-changes",
                Map.of("currentPassword", SECRET, "newPassword", "my-own-new-secret"), Map.class)
                .getStatusCode().value()).isEqualTo(201);
        assertThat(me(username, SECRET)).isEqualTo(401);
        assertThat(me(username, "my-own-new-secret")).isEqualTo(200);

        ResponseEntity<Map> reset = admin.postForEntity("/api/accounts/" + username + "/password-resets",
                Map.of("reason", "忘记密码"), Map.class);
        assertThat(reset.getStatusCode().value()).isEqualTo(201);
        assertThat(reset.getHeaders().getCacheControl()).contains("no-store");
        String issued = (String) reset.getBody().get("password");
        assertThat(me(username, "my-own-new-secret")).isEqualTo(401);
        assertThat(me(username, issued)).isEqualTo(200);

        assertThat(personnel.postForEntity("/api/accounts/" + username + "/disablement", null, Map.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(admin.postForEntity("/api/accounts/" + username + "/disablement", Map.of("reason", "离职"), Map.class)
                .getStatusCode().value()).isEqualTo(201);
        assertThat(me(username, issued)).isEqualTo(401);
        assertThat(admin.postForEntity("/api/accounts/" + username + "/disablement", null, Map.class).getBody())
                .containsEntry("code", "ACCOUNT_DISABLED");
        assertThat(admin.postForEntity("/api/accounts/" + username + "/enablement", null, Map.class)
                .getStatusCode().value()).isEqualTo(201);
        assertThat(me(username, issued)).isEqualTo(200);
        assertThat(admin.postForEntity("/api/accounts/nobody-here/disablement", null, Map.class).getBody())
                .containsEntry("code", "UNKNOWN_ACCOUNT");
    }

    @Test
    void a_reset_password_is_answered_once_and_kept_nowhere_even_with_an_idempotency_key() {
        String username = (String) open(personnel, cadre(TestAccounts.UNIT_A), Role.UNIT_STAFF, TestAccounts.UNIT_A)
                .getBody().get("username");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "reset-" + username);
        var request = new HttpEntity<>("{\"reason\":\"忘记密码\"}", headers);

        ResponseEntity<Map> first = admin.exchange("/api/accounts/" + username + "/password-resets", HttpMethod.POST,
                request, Map.class);
        ResponseEntity<Map> again = admin.exchange("/api/accounts/" + username + "/password-resets", HttpMethod.POST,
                request, Map.class);

        String password = (String) first.getBody().get("password");
        assertThat(again.getHeaders().containsKey("Idempotent-Replayed")).isFalse();
        assertThat(again.getBody().get("password")).isNotEqualTo(password);
        for (String collection : mongo.getDatabase(store.database()).listCollectionNames()) {
            mongo.getDatabase(store.database()).getCollection(collection).find().forEach(document ->
                    assertThat(document.toJson()).as(collection).doesNotContain(password));
        }
    }

    private int me(String username, String password) {
        return http.withBasicAuth(username, password).getForEntity("/api/me", Map.class).getStatusCode().value();
    }

    private ResponseEntity<Map> open(TestRestTemplate as, String person, Role role, String unit) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", "acct-" + SEQ.incrementAndGet(),
                "password", SECRET, "personId", person, "role", role.name(), "displayName", "测试账号"));
        if (unit != null) {
            body.put("unitId", unit);
        }
        return as.postForEntity("/api/accounts", body, Map.class);
    }

    private String cadre(String unit) {
        String cadre = "cadre-acct-" + SEQ.incrementAndGet();
        assertThat(personnel.postForEntity("/api/cadres", Map.of("cadreId", cadre, "name", "测试", "unitId", unit,
                "position", "科员", "partyMember", true, "since", "2024-01-01"), Map.class).getStatusCode().value())
                .isEqualTo(201);
        return cadre;
    }

    private String unit(String kind) {
        String unit = "unit-acct-" + SEQ.incrementAndGet();
        assertThat(personnel.postForEntity("/api/units", Map.of("unitId", unit, "name", "测试单位", "kind", kind),
                Map.class).getStatusCode().value()).isEqualTo(201);
        return unit;
    }
}
