package ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import ledger.kernel.security.Role;
import ledger.security.TestAccounts;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The supervision group's month and the personnel office's year through the command API, for the
 * scenarios that need them: scores and a four-eyes correction of the leader's score, the October
 * bulletin (a highlight naming the leader, a problem, three sign-offs, publication, an erratum),
 * the leader's 2026 annual assessment and an award.
 */
final class EvaluationSteps {

    private EvaluationSteps() {
    }

    /** Runs the steps against the command side; returns the id of the corrected score. */
    static String run(TestRestTemplate http) {
        TestRestTemplate office = as(http, Role.BUREAU_OFFICE);
        TestRestTemplate party = as(http, Role.ORGAN_PARTY_COMMITTEE);
        TestRestTemplate personnel = as(http, Role.PERSONNEL_OFFICE);
        String cadre = TestOrganisation.LEADER;

        // the month's scores, and a correction asked for by one member and approved by another
        String score = (String) created(office.postForEntity("/api/scores", Map.of("month", "2026-10",
                "subjectKind", "CADRE", "subjectId", cadre, "dimension", "timeliness", "scaleMin", 0, "scaleMax", 100,
                "value", 78, "rationale", "两项节点延误", "evidenceEventIds", List.of()), Map.class)).get("id");
        created(office.postForEntity("/api/scores", Map.of("month", "2026-10", "subjectKind", "UNIT",
                "subjectId", TestAccounts.UNIT_A, "dimension", "quality", "scaleMin", 1, "scaleMax", 5, "value", 4,
                "rationale", "材料规范"), Map.class));
        created(party.postForEntity("/api/scores/" + score + "/correction-requests",
                Map.of("newValue", 85, "reason", "延误系上级调整所致"), Map.class));
        assertThat(party.postForEntity("/api/scores/" + score + "/correction-approvals", null, Map.class)
                .getBody()).containsEntry("code", "FOUR_EYES");
        created(office.postForEntity("/api/scores/" + score + "/correction-approvals", null, Map.class));

        // the October bulletin: a highlight and a problem, three sign-offs, publication, an erratum
        created(office.postForEntity("/api/bulletins", Map.of("month", "2026-10"), Map.class));
        created(office.postForEntity("/api/bulletins/2026-10/entries", Map.of("kind", "HIGHLIGHT",
                "text", "保障性住房筹集提前完成", "unitIds", List.of(TestAccounts.UNIT_A), "cadreIds", List.of(cadre)),
                Map.class));
        ResponseEntity<Map> problem = party.postForEntity("/api/bulletins/2026-10/entries", Map.of("kind", "PROBLEM",
                "text", "燃气整治进度滞后10天", "unitIds", List.of(TestAccounts.UNIT_B)), Map.class);
        created(problem);
        String problemEntry = problem.getHeaders().getLocation().toString()
                .substring(problem.getHeaders().getLocation().toString().lastIndexOf('/') + 1);
        for (Role member : Role.SUPERVISION_GROUP) {
            created(as(http, member).postForEntity("/api/bulletins/2026-10/sign-offs", null, Map.class));
        }
        created(office.postForEntity("/api/bulletins/2026-10/publication", null, Map.class));
        assertThat(office.postForEntity("/api/bulletins/2026-10/entries", Map.of("kind", "PROGRESS", "text", "补录"),
                Map.class).getBody()).containsEntry("code", "BULLETIN_PUBLISHED");
        created(office.postForEntity("/api/bulletins/2026-10/errata", Map.of("entryId", problemEntry,
                "correction", "应为滞后7天", "reason", "天数计算有误"), Map.class));

        // the year's annual assessment and an award
        created(personnel.postForEntity("/api/cadres/" + cadre + "/assessments", Map.of("kind", "ANNUAL",
                "period", "2026", "grade", "EXCELLENT", "periodEnd", "2026-12-31"), Map.class));
        assertThat(personnel.postForEntity("/api/cadres/" + cadre + "/assessments", Map.of("kind", "ANNUAL",
                "period", "2026", "grade", "COMPETENT", "periodEnd", "2026-12-31"), Map.class).getBody())
                .containsEntry("code", "ANNUAL_ASSESSMENT_EXISTS");
        created(personnel.postForEntity("/api/cadres/" + cadre + "/awards", Map.of("award", "EXCELLENT_PARTY_MEMBER",
                "year", 2026, "citation", "带头攻坚"), Map.class));

        return score;
    }

    private static TestRestTemplate as(TestRestTemplate http, Role role) {
        return http.withBasicAuth(TestAccounts.username(role), TestAccounts.PASSWORD);
    }

    private static Map created(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody();
    }
}
