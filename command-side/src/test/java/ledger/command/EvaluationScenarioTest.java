package ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import ledger.kernel.bulletin.BulletinPublishedEvent;
import ledger.kernel.bulletin.ErratumPublishedEvent;
import ledger.kernel.evaluation.ScoreCorrectedEvent;
import ledger.kernel.organisation.AssessmentRecordedEvent;
import ledger.kernel.organisation.CadreAwardGrantedEvent;
import ledger.kernel.security.Role;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.store.MongoEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The supervision group's month and the personnel office's year, through the HTTP API: scores
 * and a four-eyes correction, a bulletin with a highlight and a problem signed by all three
 * members, published and then corrected by an erratum; an annual assessment and an award.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4"})
class EvaluationScenarioTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    MongoEventStorageEngine engine;

    @BeforeEach
    void setUp() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
    }

    @Test
    void scores_a_bulletin_with_its_erratum_an_assessment_and_an_award() {
        TestRestTemplate office = as(Role.BUREAU_OFFICE);
        TestRestTemplate party = as(Role.ORGAN_PARTY_COMMITTEE);
        TestRestTemplate personnel = as(Role.PERSONNEL_OFFICE);
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
            created(as(member).postForEntity("/api/bulletins/2026-10/sign-offs", null, Map.class));
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

        assertThat(payloads(score)).anySatisfy(p -> assertThat(p).isInstanceOfSatisfying(ScoreCorrectedEvent.class,
                e -> assertThat(e.originalValue()).isEqualTo(78)));
        assertThat(payloads("bulletin-2026-10")).hasAtLeastOneElementOfType(BulletinPublishedEvent.class)
                .hasAtLeastOneElementOfType(ErratumPublishedEvent.class);
        assertThat(payloads(cadre)).hasAtLeastOneElementOfType(AssessmentRecordedEvent.class)
                .hasAtLeastOneElementOfType(CadreAwardGrantedEvent.class);
    }

    private TestRestTemplate as(Role role) {
        return http.withBasicAuth(TestAccounts.username(role), TestAccounts.PASSWORD);
    }

    private List<Object> payloads(String aggregate) {
        return engine.readEvents(aggregate).asStream().map(DomainEventMessage::getPayload).map(p -> (Object) p).toList();
    }

    private static Map created(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody();
    }
}
