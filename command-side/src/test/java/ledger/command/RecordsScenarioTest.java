package ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import ledger.kernel.security.Role;
import ledger.kernel.shared.BureauTime;
import ledger.query.QuerySideApplication;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.storeserver.EmbeddedStoreServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 11 through both services' HTTP APIs: the personnel office records the head of unit A; a
 * task of unit A gets an approved deadline change and is completed; the supervision group's year
 * (a corrected score of the leader, a bulletin with an erratum) follows. Then the lead leader's
 * and the unit head's records and evidence show the current due date with its event and the
 * task under both capacities, the bulletin problem carries its erratum, the auditors find the
 * score's correction under the leader, and every view rebuilt from the log equals the live one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.bcrypt-strength=4", "ledger.deadlines.check-interval=1h"})
class RecordsScenarioTest {

    static final EmbeddedStoreServer STORE = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    static final String HEAD = TestAccounts.personId(Role.UNIT_HEAD);
    static ConfigurableApplicationContext querySide;

    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Clock clock;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("ledger.store.uri", STORE::connectionString);
        registry.add("ledger.store.database", () -> "records-scenario");
    }

    @AfterAll
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
        STORE.close();
    }

    @Test
    void the_unit_head_and_the_lead_leader_answer_for_the_task_and_the_views_rebuild_alike() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
        querySide = new SpringApplicationBuilder(QuerySideApplication.class).run("--server.port=0",
                "--ledger.store.uri=" + STORE.connectionString(), "--ledger.store.database=records-scenario",
                "--ledger.security.bcrypt-strength=4");
        TestRestTemplate queries = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:"
                + querySide.getEnvironment().getProperty("local.server.port")));
        TestRestTemplate auditor = queries.withBasicAuth(TestAccounts.username(Role.DISCIPLINE_INSPECTION),
                TestAccounts.PASSWORD);
        TestRestTemplate personnelReads = queries.withBasicAuth(TestAccounts.username(Role.PERSONNEL_OFFICE),
                TestAccounts.PASSWORD);
        TestRestTemplate personnel = as(Role.PERSONNEL_OFFICE);
        LocalDate today = BureauTime.dayOf(clock.instant());
        String month = YearMonth.from(today).toString();
        String year = String.valueOf(today.getYear());

        // the unit head's account is a recorded cadre of unit A, who heads it since 2024
        created(personnel.postForEntity("/api/cadres", Map.of("cadreId", HEAD, "name", "刘处长", "unitId",
                TestAccounts.UNIT_A, "position", "处长", "partyMember", true, "since", "2024-01-01"), Map.class));
        created(personnel.postForEntity("/api/units/" + TestAccounts.UNIT_A + "/head-appointments",
                Map.of("cadreId", HEAD, "effectiveOn", "2024-01-01"), Map.class));

        // a key task of unit A; its due date moves by an approved change; it is completed in time
        String task = (String) created(as(Role.BUREAU_LEADER).postForEntity("/api/tasks", Map.of("title", "保障性住房筹集",
                "source", "MINISTRY", "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_A,
                "dueDate", today.plusDays(40).toString(), "ledgerMonth", month), Map.class)).get("id");
        LocalDate extended = today.plusDays(70);
        created(as(Role.UNIT_STAFF).postForEntity("/api/tasks/" + task + "/deadline-change-requests",
                Map.of("proposedDueDate", extended.toString(), "reason", "征收协议未签"), Map.class));
        created(as(Role.BUREAU_LEADER).postForEntity("/api/tasks/" + task + "/deadline-change-decisions",
                Map.of("approved", true, "note", "同意"), Map.class));
        created(as(Role.UNIT_HEAD).postForEntity("/api/tasks/" + task + "/completion-claims",
                Map.of("summary", "筹集完成"), Map.class));
        created(as(Role.BUREAU_OFFICE).postForEntity("/api/tasks/" + task + "/completion-verifications",
                Map.of("note", "现场核验"), Map.class));
        // a successor from tomorrow on: today's task stays with the head who had the unit when it was assigned
        created(personnel.postForEntity("/api/cadres", Map.of("cadreId", "cadre-successor-a", "name", "何处长",
                "unitId", TestAccounts.UNIT_A, "position", "处长", "partyMember", true, "since", "2024-01-01"), Map.class));
        created(personnel.postForEntity("/api/units/" + TestAccounts.UNIT_A + "/head-appointments",
                Map.of("cadreId", "cadre-successor-a", "effectiveOn", today.plusDays(1).toString()), Map.class));

        // the supervision group's year: the leader's score corrected, the October bulletin with an erratum
        String score = EvaluationSteps.run(http);

        // the deadline change as the auditors find it, and the score's correction under the leader (README example)
        String changed = (String) await(() -> events(auditor, "concerning=" + task + "&types=DeadlineChangedEvent"),
                found -> found.size() == 1).get(0).get("eventId");
        List<Map<String, Object>> corrections = await(() -> events(auditor, "concerning=" + TestOrganisation.LEADER
                + "&types=ScoreCorrectedEvent"), found -> found.size() == 1);
        assertThat(corrections.get(0)).containsEntry("aggregateId", score);

        // the lead leader's record: the task with its current due date and the change's event
        Map<String, Object> leader = await(() -> personnelReads.getForObject("/api/cadres/" + TestOrganisation.LEADER
                + "/record", Map.class), r -> ((List<?>) r.get("scores")).size() == 1
                && ((List<?>) r.get("bulletinMentions")).size() == 1);
        assertThat((List<Map<String, Object>>) leader.get("tasksLed")).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("dueDate", extended.toString()).containsEntry("outcome", "COMPLETED_ON_TIME")
                .satisfies(x -> assertThat((List<String>) x.get("eventIds")).contains(changed)));

        // the unit head reads their own record: the unit's task of their headship, with its outcome
        TestRestTemplate headReads = queries.withBasicAuth(TestAccounts.username(Role.UNIT_HEAD), TestAccounts.PASSWORD);
        Map<String, Object> head = await(() -> headReads.getForObject("/api/cadres/" + HEAD + "/record", Map.class),
                r -> !((List<?>) r.get("tasksLedAsUnitHead")).isEmpty() && ((List<Map<String, Object>>) r
                        .get("unitHeadships")).get(0).get("endedOn") != null);
        assertThat((List<Map<String, Object>>) head.get("tasksLedAsUnitHead")).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("taskId", task).containsEntry("outcome", "COMPLETED_ON_TIME")
                .containsEntry("dueDate", extended.toString()));
        Map<String, Object> evidence = headReads.getForObject("/api/cadres/" + HEAD + "/evidence?from=" + year
                + "-01-01&to=" + year + "-12-31", Map.class);
        assertThat((Map<String, Object>) evidence.get("unitHeadTaskSummary")).containsEntry("roleLabel", "牵头处室负责人")
                .containsEntry("led", 1).containsEntry("completedOnTime", 1);
        assertThat((Map<String, Object>) evidence.get("taskSummary")).containsEntry("led", 0);
        assertThat(headReads.getForEntity("/api/cadres/cadre-successor-a/record", Map.class).getStatusCode().value())
                .as("another cadre's record").isEqualTo(403);
        Map<String, Object> successor = personnelReads.getForObject("/api/cadres/cadre-successor-a/record", Map.class);
        assertThat((List<?>) successor.get("tasksLedAsUnitHead")).isEmpty();

        // unit B's record: the October problem as published, the erratum beside it; unit A's heads over time
        Map<String, Object> unitB = await(() -> queries.withBasicAuth(TestAccounts.username(Role.UNIT_STAFF),
                TestAccounts.PASSWORD).getForObject("/api/units/" + TestAccounts.UNIT_B + "/record", Map.class),
                r -> ((List<Map<String, Object>>) r.get("bulletinMentions")).stream()
                        .anyMatch(m -> !((List<?>) m.get("errata")).isEmpty()));
        assertThat((List<Map<String, Object>>) unitB.get("bulletinMentions")).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("text", "燃气整治进度滞后10天");
            assertThat((List<Map<String, Object>>) m.get("errata")).singleElement()
                    .satisfies(e -> assertThat(e).containsEntry("correction", "应为滞后7天"));
        });
        Map<String, Object> unitA = auditor.getForObject("/api/units/" + TestAccounts.UNIT_A + "/record", Map.class);
        assertThat((List<Map<String, Object>>) unitA.get("heads")).extracting(h -> h.get("cadreId"))
                .containsExactly(HEAD, "cadre-successor-a");

        // every view rebuilt from the log equals the view built live
        ViewRebuildCheck.assertRebuiltViewsEqualLive(querySide, queries.withBasicAuth(
                TestAccounts.username(Role.ADMIN), TestAccounts.PASSWORD));
    }

    private TestRestTemplate as(Role role) {
        return http.withBasicAuth(TestAccounts.username(role), TestAccounts.PASSWORD);
    }

    private static Map created(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody();
    }

    private static List<Map<String, Object>> events(TestRestTemplate auditor, String query) {
        return (List<Map<String, Object>>) auditor.getForObject("/api/audit/search?" + query, Map.class).get("events");
    }

    private static <T> T await(java.util.concurrent.Callable<T> read, Predicate<T> ready) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(read, ready::test);
    }
}
