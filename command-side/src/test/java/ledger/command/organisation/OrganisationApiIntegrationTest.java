package ledger.command.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import ledger.command.TestOrganisation;
import ledger.kernel.security.Role;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.store.MongoEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4"})
class OrganisationApiIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    MongoEventStorageEngine engine;
    TestRestTemplate personnel;

    @BeforeEach
    void setUp() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
        personnel = http.withBasicAuth(TestAccounts.username(Role.PERSONNEL_OFFICE), TestAccounts.PASSWORD);
    }

    @Test
    void one_bureau_leader_at_a_time_is_in_charge_of_personnel() {
        register("cadre-zhao", "赵局长");
        register("cadre-qian", "钱局长");

        assertThat(appoint("cadre-zhao", true).getStatusCode().value()).isEqualTo(201);
        assertThat(appoint("cadre-zhao", true).getStatusCode().value()).isEqualTo(201); // restating it is fine
        ResponseEntity<Map> second = appoint("cadre-qian", true);

        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(second.getBody()).containsEntry("code", "PERSONNEL_ALREADY_IN_CHARGE");
        assertThat(appoint("cadre-qian", false).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void cadres_serve_in_registered_units_and_ids_are_registered_once() {
        ResponseEntity<Map> unknownUnit = personnel.postForEntity("/api/cadres", Map.of("cadreId", "cadre-sun",
                "name", "孙同志", "unitId", "unit-nowhere", "position", "科员", "partyMember", false,
                "since", "2026-01-01"), Map.class);
        long head = engine.lastReservedPosition();
        ResponseEntity<Map> again = personnel.postForEntity("/api/units",
                Map.of("unitId", TestAccounts.UNIT_A, "name", "重名处室", "kind", "DIVISION"), Map.class);
        assertThat(engine.lastReservedPosition()).as("a refused registration leaves no void position").isEqualTo(head);
        ResponseEntity<Map> transferNowhere = personnel.postForEntity("/api/cadres/" + TestOrganisation.LEADER
                + "/transfers", Map.of("toUnitId", "unit-nowhere", "position", "局长", "effectiveOn", "2026-03-01",
                "reason", "调整"), Map.class);

        assertThat(unknownUnit.getBody()).containsEntry("code", "UNKNOWN_UNIT");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).containsEntry("code", "ALREADY_REGISTERED");
        assertThat(transferNowhere.getBody()).containsEntry("code", "UNKNOWN_UNIT");
    }

    @Test
    void a_transfer_needs_a_reason() {
        ResponseEntity<Map> noReason = personnel.postForEntity("/api/cadres/" + TestOrganisation.LEADER + "/transfers",
                Map.of("toUnitId", TestAccounts.UNIT_B, "position", "局长", "effectiveOn", "2026-03-01", "reason", " "),
                Map.class);

        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat((List<Map<String, String>>) noReason.getBody().get("errors")).extracting(e -> e.get("field"))
                .contains("reason");
    }

    /** Issue 14, item 4: the address reminder e-mails go to is recorded by the personnel office. */
    @Test
    void the_personnel_office_records_a_cadres_e_mail_address() {
        String path = "/api/cadres/" + TestOrganisation.LEADER + "/email-addresses";
        ResponseEntity<Map> malformed = personnel.postForEntity(path, Map.of("email", "wang at zjj"), Map.class);
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat((List<Map<String, String>>) malformed.getBody().get("errors")).extracting(e -> e.get("field"))
                .contains("email");

        String address = "leader-" + System.nanoTime() + "@zjj.example.gov.cn";
        ResponseEntity<Map> recorded = personnel.postForEntity(path, Map.of("email", address), Map.class);
        assertThat(recorded.getStatusCode().value()).as(String.valueOf(recorded.getBody())).isEqualTo(201);
        assertThat(personnel.postForEntity(path, Map.of("email", address), Map.class).getBody())
                .containsEntry("code", "SAME_VALUE");
        assertThat(http.withBasicAuth(TestAccounts.username(Role.UNIT_HEAD), TestAccounts.PASSWORD)
                .postForEntity(path, Map.of("email", address), Map.class).getStatusCode().value()).isEqualTo(403);
        assertThat(personnel.postForEntity("/api/cadres/cadre-nobody/email-addresses", Map.of("email", address),
                Map.class).getBody()).containsEntry("code", "UNKNOWN_CADRE");
    }

    /** Issue 11, item 5: who heads a unit is recorded by the personnel office, for recorded units and cadres. */
    @Test
    void the_personnel_office_records_who_heads_a_unit_from_a_day() {
        String unit = "unit-headed-" + System.nanoTime();
        personnel.postForEntity("/api/units", Map.of("unitId", unit, "name", "住房保障处", "kind", "DIVISION"), Map.class);
        register("cadre-head-first", "陈处长");
        register("cadre-head-second", "林处长");

        ResponseEntity<Map> first = head(unit, "cadre-head-first", "2026-01-01");
        assertThat(first.getStatusCode().value()).as(String.valueOf(first.getBody())).isEqualTo(201);
        assertThat(first.getHeaders().getLocation().toString()).startsWith("/api/units/" + unit + "/head-appointments/");
        assertThat(head(unit, "cadre-head-first", "2026-02-01").getBody()).containsEntry("code", "ALREADY_UNIT_HEAD");
        assertThat(head(unit, "cadre-head-second", "2025-12-31").getBody())
                .containsEntry("code", "HEADSHIP_BEFORE_LAST_CHANGE");
        // a successor hands over: the first headship ends that day, as its own event (version 1, then 2)
        assertThat(head(unit, "cadre-head-second", "2026-04-01").getBody()).containsEntry("version", 3);

        assertThat(head(unit, "cadre-nobody", "2026-05-01").getBody()).containsEntry("code", "UNKNOWN_CADRE");
        assertThat(head("unit-nowhere", "cadre-head-first", "2026-05-01").getBody()).containsEntry("code", "UNKNOWN_UNIT");
        ResponseEntity<Map> noDay = personnel.postForEntity("/api/units/" + unit + "/head-appointments",
                Map.of("cadreId", "cadre-head-first"), Map.class);
        assertThat(noDay.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(noDay.getBody())).contains("effectiveOn");

        ResponseEntity<Map> end = personnel.postForEntity("/api/units/" + unit + "/headship-ends",
                Map.of("effectiveOn", "2026-09-01", "reason", "调任"), Map.class);
        assertThat(end.getStatusCode().value()).as(String.valueOf(end.getBody())).isEqualTo(201);
        assertThat(personnel.postForEntity("/api/units/" + unit + "/headship-ends",
                Map.of("effectiveOn", "2026-10-01", "reason", "再次免去"), Map.class).getBody())
                .containsEntry("code", "NO_UNIT_HEAD");
        assertThat(personnel.postForEntity("/api/units/" + unit + "/headship-ends",
                Map.of("effectiveOn", "2026-10-01", "reason", " "), Map.class).getStatusCode().value()).isEqualTo(400);
    }

    private ResponseEntity<Map> head(String unit, String cadre, String from) {
        return personnel.postForEntity("/api/units/" + unit + "/head-appointments",
                Map.of("cadreId", cadre, "effectiveOn", from), Map.class);
    }

    private void register(String cadre, String name) {
        personnel.postForEntity("/api/cadres", Map.of("cadreId", cadre, "name", name, "unitId", TestAccounts.UNIT_A,
                "position", "副局长", "partyMember", true, "since", "2025-01-01"), Map.class);
    }

    private ResponseEntity<Map> appoint(String cadre, boolean personnelWork) {
        return personnel.postForEntity("/api/cadres/" + cadre + "/leader-appointments", Map.of("title", "副局长",
                "areasInCharge", List.of("住房保障"), "inChargeOfPersonnel", personnelWork,
                "effectiveOn", "2026-01-01"), Map.class);
    }
}
