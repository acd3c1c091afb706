package ledger.command;

import java.util.Map;

import ledger.kernel.security.Role;
import ledger.security.TestAccounts;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** Registers, through the API, the units and the bureau leader that the tests' tasks name. */
public final class TestOrganisation {

    public static final String LEADER = TestAccounts.personId(Role.BUREAU_LEADER);
    public static final String[] UNITS = {TestAccounts.UNIT_A, TestAccounts.UNIT_B, "unit-c"};

    private TestOrganisation() {
    }

    /** Safe to call again: what is registered already stays as it is. */
    public static void ensure(TestRestTemplate http) {
        TestRestTemplate personnel = http.withBasicAuth(TestAccounts.username(Role.PERSONNEL_OFFICE), TestAccounts.PASSWORD);
        for (String unit : UNITS) {
            expectCreatedOrRegistered(personnel.postForEntity("/api/units",
                    Map.of("unitId", unit, "name", "测试处室 " + unit, "kind", "DIVISION"), Map.class));
        }
        ResponseEntity<Map> leader = personnel.postForEntity("/api/cadres", Map.of("cadreId", LEADER, "name", "张副局长",
                "position", "副局长", "partyMember", true, "since", "2024-01-01"), Map.class);
        expectCreatedOrRegistered(leader);
        if (leader.getStatusCode().value() == 201) {
            expectCreatedOrRegistered(personnel.postForEntity("/api/cadres/" + LEADER + "/leader-appointments",
                    Map.of("title", "副局长", "areasInCharge", java.util.List.of("城市更新", "建筑市场"),
                            "inChargeOfPersonnel", false, "effectiveOn", "2024-01-01"), Map.class));
        }
    }

    private static void expectCreatedOrRegistered(ResponseEntity<Map> response) {
        int status = response.getStatusCode().value();
        if (status != 201 && !(status == 409 && "ALREADY_REGISTERED".equals(response.getBody().get("code")))) {
            throw new IllegalStateException("organisation set-up failed: " + status + " " + response.getBody());
        }
    }
}
