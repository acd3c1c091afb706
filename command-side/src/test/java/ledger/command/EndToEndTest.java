package ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ledger.kernel.security.Role;
import ledger.query.QuerySideApplication;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.storeserver.EmbeddedStoreServer;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskSource;
import ledger.store.MongoEventStorageEngine;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Both services over real HTTP, meeting only in one embedded store server (as two processes
 * would): assign a task on the command side, report progress, read both back from the query side.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.security.bcrypt-strength=4")
class EndToEndTest {

    static final EmbeddedStoreServer STORE = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    static ConfigurableApplicationContext querySide;

    @Autowired
    TestRestTemplate http;
    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("ledger.store.uri", STORE::connectionString);
        registry.add("ledger.store.database", () -> "e2e");
    }

    static TestRestTemplate queries() {
        if (querySide == null) {
            querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                    .run("--ledger.store.uri=" + STORE.connectionString(), "--ledger.store.database=e2e",
                            "--server.port=0", "--ledger.security.bcrypt-strength=4");
        }
        String port = querySide.getEnvironment().getProperty("local.server.port");
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port))
                .withBasicAuth(TestAccounts.username(Role.BUREAU_OFFICE), TestAccounts.PASSWORD);
    }

    @BeforeEach
    void organisation() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
    }

    private TestRestTemplate as(Role role) {
        return http.withBasicAuth(TestAccounts.username(role), TestAccounts.PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
        STORE.close();
    }

    @Test
    void a_task_assigned_and_reported_on_is_read_back_from_the_monthly_ledger() {
        TestRestTemplate queries = queries();
        TestRestTemplate leader = as(Role.BUREAU_LEADER);
        TestRestTemplate staff = as(Role.UNIT_STAFF);
        ResponseEntity<Map> assigned = leader.postForEntity("/api/tasks", Map.of(
                "title", "城镇老旧小区改造年度任务", "source", "DIRECTORS_DELIBERATION_MEETING",
                "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_A,
                "dueDate", "2026-06-30", "ledgerMonth", "2026-06"), Map.class);
        assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) assigned.getBody().get("id");

        ResponseEntity<Map> reported = staff.postForEntity("/api/tasks/" + id + "/progress-reports",
                Map.of("percent", 35, "narrative", "已完成12个小区的摸底"), Map.class);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long position = ((Number) reported.getBody().get("position")).longValue();

        ResponseEntity<Map> ledger = queries.getForEntity("/api/ledger/2026-06?minPosition=" + position, Map.class);
        assertThat(ledger.getStatusCode()).as(() -> queries.getForObject("/actuator/health", String.class))
                .isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) ledger.getBody().get("tasks");
        assertThat(tasks).hasSize(1);
        Map<String, Object> task = tasks.get(0);
        assertThat(task).containsEntry("taskId", id).containsEntry("title", "城镇老旧小区改造年度任务")
                .containsEntry("sourceLabel", "局长议事会").containsEntry("leadUnitId", TestAccounts.UNIT_A)
                .containsEntry("version", 1);
        assertThat((Map<String, Object>) task.get("latestProgress")).containsEntry("percent", 35);

        ResponseEntity<Map> single = queries.getForEntity("/api/tasks/" + id + "?minPosition=" + position, Map.class);
        Map<String, Object> record = queries.withBasicAuth(TestAccounts.username(Role.PERSONNEL_OFFICE), TestAccounts.PASSWORD)
                .getForObject("/api/cadres/" + TestOrganisation.LEADER + "/record?minPosition=" + position, Map.class);
        List<Map<String, Object>> led = (List<Map<String, Object>>) record.get("tasksLed");
        assertThat(led).anySatisfy(item -> assertThat(item).containsEntry("taskId", id).containsEntry("outcome", "OPEN")
                .extractingByKey("eventIds").asList().isNotEmpty());
        assertThat(single.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(queries.getForEntity("/api/tasks/task-nobody", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_task_extended_by_its_leader_and_verified_by_the_supervision_group_shows_completed_in_the_ledger() {
        TestRestTemplate queries = queries();
        TestRestTemplate leader = as(Role.BUREAU_LEADER);
        TestRestTemplate head = as(Role.UNIT_HEAD);
        TestRestTemplate office = as(Role.BUREAU_OFFICE);

        String id = (String) leader.postForEntity("/api/tasks", Map.of("title", "保障性住房筹集", "source",
                "PARTY_GROUP_MEETING", "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_A,
                "coUnitIds", List.of(TestAccounts.UNIT_B), "dueDate", "2027-07-31", "ledgerMonth", "2027-07"),
                Map.class).getBody().get("id");
        String tasks = "/api/tasks/" + id;
        assertThat(head.postForEntity(tasks + "/deadline-change-requests",
                Map.of("proposedDueDate", "2027-08-15", "reason", "房源验收推迟"), Map.class).getStatusCode().value())
                .isEqualTo(201);
        assertThat(leader.postForEntity(tasks + "/deadline-change-decisions", Map.of("approved", true), Map.class)
                .getStatusCode().value()).isEqualTo(201);
        head.postForEntity(tasks + "/completion-claims", Map.of("summary", "筹集完成"), Map.class);
        ResponseEntity<Map> rejected = office.postForEntity(tasks + "/completion-rejections",
                Map.of("reason", "缺少验收报告"), Map.class);
        assertThat(rejected.getStatusCode().value()).isEqualTo(201);
        head.postForEntity(tasks + "/completion-claims", Map.of("summary", "已补验收报告"), Map.class);
        ResponseEntity<Map> verified = office.postForEntity(tasks + "/completion-verifications",
                Map.of("note", "核验通过"), Map.class);
        assertThat(verified.getStatusCode().value()).isEqualTo(201);
        long position = ((Number) verified.getBody().get("position")).longValue();

        Map<String, Object> task = queries.getForObject(tasks + "?minPosition=" + position, Map.class);
        assertThat(task).containsEntry("status", "COMPLETED").containsEntry("completedOnTime", true)
                .containsEntry("originalDueDate", "2027-07-31").containsEntry("dueDate", "2027-08-15")
                .containsEntry("coUnitIds", List.of(TestAccounts.UNIT_B));
    }

    @Test
    void a_stuck_task_goes_to_a_task_force_and_the_party_group_decision_flows_back_to_it() {
        TestRestTemplate queries = queries();
        TestRestTemplate leader = as(Role.BUREAU_LEADER);
        TestRestTemplate office = as(Role.BUREAU_OFFICE);
        String task = (String) leader.postForEntity("/api/tasks", Map.of("title", "老旧小区加装电梯", "source",
                "MINISTRY", "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_A,
                "dueDate", "2027-03-31", "ledgerMonth", "2027-03"), Map.class).getBody().get("id");

        ResponseEntity<Map> formed = leader.postForEntity("/api/task-forces", Map.of("problem", "居民意见不一、资金缺口",
                "kind", "BUSINESS", "area", "城市更新", "leadLeaderId", TestOrganisation.LEADER,
                "memberUnitIds", List.of(TestAccounts.UNIT_A, TestAccounts.UNIT_B), "taskIds", List.of(task)), Map.class);
        assertThat(formed.getStatusCode().value()).isEqualTo(201);
        String taskForce = "/api/task-forces/" + formed.getBody().get("id");
        awaitStatus(queries, task, "ESCALATED");

        assertThat(leader.postForEntity(taskForce + "/meetings", Map.of("heldOn", "2027-03-05", "minutes", "逐户走访"),
                Map.class).getStatusCode().value()).isEqualTo(201);
        leader.postForEntity(taskForce + "/feasibility-opinions", Map.of("opinion", "财政补贴三成，分批实施"), Map.class);
        leader.postForEntity(taskForce + "/referrals", Map.of("meeting", "PARTY_GROUP_MEETING"), Map.class);
        ResponseEntity<Map> decided = office.postForEntity(taskForce + "/decisions", Map.of("meeting",
                "PARTY_GROUP_MEETING", "decisionRef", "党组会〔2027〕3号", "decision", "同意补贴，时限延至6月底",
                "newDueDate", "2027-06-30", "newLeadUnitId", TestAccounts.UNIT_B, "problemResolved", true), Map.class);
        assertThat(decided.getStatusCode().value()).isEqualTo(201);

        Map<String, Object> after = awaitStatus(queries, task, "ON_TRACK");
        assertThat(after).containsEntry("dueDate", "2027-06-30").containsEntry("originalDueDate", "2027-03-31")
                .containsEntry("leadUnitId", TestAccounts.UNIT_B);
        assertThat(leader.postForEntity(taskForce + "/dissolutions", Map.of("outcome", "难题已解决"), Map.class)
                .getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void the_deliberation_meeting_reviews_a_lagging_task_and_assigns_next_months_task() {
        TestRestTemplate queries = queries();
        TestRestTemplate director = as(Role.BUREAU_LEADER);
        String lagging = (String) director.postForEntity("/api/tasks", Map.of("title", "违法建设治理", "source",
                "CITY_PARTY_COMMITTEE_GOVERNMENT", "leadLeaderId", TestOrganisation.LEADER, "leadUnitId",
                TestAccounts.UNIT_A, "dueDate", "2027-05-31", "ledgerMonth", "2027-05"), Map.class).getBody().get("id");

        ResponseEntity<Map> convened = director.postForEntity("/api/deliberation-meetings",
                Map.of("month", "2027-05", "heldOn", "2027-05-28"), Map.class);
        assertThat(convened.getStatusCode().value()).isEqualTo(201);
        String meeting = "/api/deliberation-meetings/" + convened.getBody().get("id");
        assertThat(director.postForEntity(meeting + "/lagging-task-reviews", Map.of("taskId", lagging,
                "causes", "拆除补偿争议", "countermeasures", "街道牵头逐户协商"), Map.class).getStatusCode().value())
                .isEqualTo(201);
        assertThat(director.postForEntity(meeting + "/task-assignments", Map.of("title", "汛期房屋安全排查",
                "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_B, "dueDate", "2027-06-20"),
                Map.class).getStatusCode().value()).isEqualTo(201);
        // a city requirement assigned at the meeting: the answer is the new task's, which keeps the city as source
        ResponseEntity<Map> city = director.postForEntity(meeting + "/task-assignments", Map.of("title", "城中村改造",
                "source", "CITY_PARTY_COMMITTEE_GOVERNMENT", "sourceReference", "市委办〔2027〕12号",
                "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_A, "dueDate", "2027-06-25"),
                Map.class);
        assertThat(city.getStatusCode().value()).isEqualTo(201);
        String cityTask = (String) city.getBody().get("id");
        assertThat(cityTask).startsWith("task-").isNotEqualTo(convened.getBody().get("id"));
        assertThat(city.getHeaders().getLocation()).hasToString("/api/tasks/" + cityTask);
        assertThat(city.getBody()).containsEntry("version", 0);
        TaskAssignedEvent cityAssigned = (TaskAssignedEvent) engine.readEvents(cityTask).asStream().findFirst()
                .orElseThrow().getPayload();
        assertThat(cityAssigned.meetingId()).as("the meeting that assigned it").isEqualTo(convened.getBody().get("id"));
        assertThat(cityAssigned.source()).isEqualTo(TaskSource.CITY_PARTY_COMMITTEE_GOVERNMENT);
        assertThat(cityAssigned.sourceReference()).isEqualTo("市委办〔2027〕12号");
        assertThat(engine.positionsOf(cityTask)).containsEntry(0L, ((Number) city.getBody().get("position")).longValue());
        Map<String, Object> cityRow = byId(queries.getForObject("/api/ledger/2027-06?minPosition="
                + city.getBody().get("position"), Map.class), cityTask);
        assertThat(cityRow).containsEntry("sourceLabel", "市委市政府").containsEntry("sourceReference", "市委办〔2027〕12号");
        assertThat(director.postForEntity(meeting + "/task-cancellations", Map.of("taskId", lagging,
                "reason", "已并入市级专项行动"), Map.class).getStatusCode().value()).isEqualTo(201);
        assertThat(director.postForEntity(meeting + "/closure", null, Map.class).getStatusCode().value()).isEqualTo(201);
        assertThat(director.postForEntity(meeting + "/task-assignments", Map.of("title", "会后补充",
                "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_B, "dueDate", "2027-06-20"),
                Map.class).getBody()).containsEntry("code", "MEETING_CLOSED");

        // June also carries the other tests' earlier open tasks (结转): the meeting's task is June's own
        List<Map<String, Object>> juneOwn = Awaitility.await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ((List<Map<String, Object>>) queries.getForObject("/api/ledger/2027-06", Map.class)
                        .get("tasks")).stream().filter(row -> "2027-06".equals(row.get("ledgerMonth"))).toList(),
                        rows -> rows.size() == 2);
        Map<String, Object> assigned = juneOwn.stream().filter(row -> !cityTask.equals(row.get("taskId"))).findFirst()
                .orElseThrow();
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(
                () -> queries.getForObject("/api/tasks/" + lagging, Map.class),
                task -> "CANCELLED".equals(task.get("status")) && task.get("closedByDecision") != null);
        assertThat(assigned).containsEntry("title", "汛期房屋安全排查").containsEntry("sourceLabel", "局长议事会")
                .containsEntry("sourceReference", convened.getBody().get("id"))
                .containsEntry("leadUnitId", TestAccounts.UNIT_B);
    }

    private static Map<String, Object> awaitStatus(TestRestTemplate queries, String task, String status) {
        // the task force's facts reach the task asynchronously (a tracking processor), then the view
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> queries.getForObject("/api/tasks/" + task, Map.class),
                        view -> view != null && status.equals(view.get("status")));
    }

    @Test
    void a_bureau_leader_is_registered_without_a_unit_and_every_create_answers_with_the_new_things_id() {
        TestRestTemplate queries = queries().withBasicAuth(TestAccounts.username(Role.PERSONNEL_OFFICE),
                TestAccounts.PASSWORD);
        TestRestTemplate personnel = as(Role.PERSONNEL_OFFICE);
        String director = "cadre-e2e-director";
        ResponseEntity<Map> registered = personnel.postForEntity("/api/cadres", Map.of("cadreId", director,
                "name", "王局长", "position", "局长", "partyMember", true, "since", "2024-01-01"), Map.class);
        assertThat(registered.getStatusCode().value()).as("no unit: the bureau's leadership").isEqualTo(201);
        assertThat(personnel.postForEntity("/api/cadres/" + director + "/leader-appointments", Map.of("title", "局长",
                "areasInCharge", List.of("全面工作"), "inChargeOfPersonnel", false, "effectiveOn", "2024-01-01"),
                Map.class).getStatusCode().value()).isEqualTo(201);
        assertThat(personnel.postForEntity("/api/cadres", Map.of("cadreId", "cadre-e2e-blank", "name", "赵某",
                "unitId", " ", "position", "科员", "partyMember", false, "since", "2024-01-01"), Map.class)
                .getStatusCode().value()).as("a blank unit is bad input, not the leadership").isEqualTo(400);
        assertThat(personnel.postForEntity("/api/cadres", Map.of("cadreId", "cadre-e2e-nowhere", "name", "赵某",
                "unitId", "no-such-unit", "position", "科员", "partyMember", false, "since", "2024-01-01"), Map.class)
                .getBody()).containsEntry("code", "UNKNOWN_UNIT");

        // a leader without a unit leads a task like any other
        ResponseEntity<Map> task = as(Role.BUREAU_LEADER).postForEntity("/api/tasks", Map.of("title", "全局安全生产检查",
                "source", "PARTY_GROUP_MEETING", "leadLeaderId", director, "leadUnitId", TestAccounts.UNIT_A,
                "dueDate", "2027-08-31", "ledgerMonth", "2027-08"), Map.class);
        assertThat(task.getStatusCode().value()).isEqualTo(201);

        ResponseEntity<Map> mistake = personnel.postForEntity("/api/cadres/" + director + "/mistakes", Map.of(
                "description", "先行先试中程序瑕疵", "occurredOn", "2026-05-01"), Map.class);
        assertThat(mistake.getStatusCode().value()).isEqualTo(201);
        String mistakeId = (String) mistake.getBody().get("id");
        assertThat(mistakeId).startsWith("mistake-");
        assertThat(personnel.postForEntity("/api/cadres/" + director + "/error-tolerance-decisions", Map.of(
                "mistakeId", mistakeId, "experimentVersusViolation", "探索性试验", "publicVersusPrivate", "为公",
                "unawareVersusKnowing", "无明确规定", "partyGroupDecisionRef", "党组会〔2026〕9号"), Map.class)
                .getStatusCode().value()).as("the answered id is the one the decision needs").isEqualTo(201);
        ResponseEntity<Map> assessment = personnel.postForEntity("/api/cadres/" + director + "/assessments", Map.of(
                "kind", "REGULAR", "period", "2026Q2", "grade", "COMPETENT", "periodEnd", "2026-06-30"), Map.class);
        String assessmentId = (String) assessment.getBody().get("id");
        assertThat(assessmentId).startsWith("assessment-");
        assertThat(assessment.getHeaders().getLocation()).hasToString("/api/cadres/" + director + "/assessments/"
                + assessmentId);
        assertThat(personnel.postForEntity("/api/cadres/" + director + "/assessment-corrections", Map.of(
                "assessmentId", assessmentId, "newGrade", "EXCELLENT", "reason", "漏计专项成绩"), Map.class)
                .getStatusCode().value()).isEqualTo(201);
        ResponseEntity<Map> draft = as(Role.BUREAU_OFFICE).postForEntity("/api/bulletins", Map.of("month", "2027-08"),
                Map.class);
        assertThat(draft.getStatusCode().value()).isEqualTo(201);
        ResponseEntity<Map> entry = as(Role.BUREAU_OFFICE).postForEntity("/api/bulletins/2027-08/entries", Map.of(
                "kind", "HIGHLIGHT", "text", "安全检查全覆盖", "cadreIds", List.of(director)), Map.class);
        assertThat(entry.getStatusCode().value()).as(String.valueOf(entry.getBody())).isEqualTo(201);
        assertThat((String) entry.getBody().get("id")).startsWith("entry-");
        assertThat(entry.getHeaders().getLocation().toString()).endsWith("/entries/" + entry.getBody().get("id"));

        // the record and the printed evidence name the leadership, not a unit
        Map<String, Object> record = Awaitility.await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> queries.getForEntity("/api/cadres/" + director + "/record?minPosition="
                        + assessment.getBody().get("position"), Map.class),
                        answer -> answer.getStatusCode().value() == 200).getBody();
        assertThat(record).containsEntry("name", "王局长").containsEntry("unitId", null);
        String printed = queries.getForObject("/api/cadres/" + director + "/evidence?from=2026-01-01&to=2027-12-31"
                + "&format=html&minPosition=" + assessment.getBody().get("position"), String.class);
        assertThat(printed).contains("王局长", "局领导班子");
    }

    @Test
    void a_disabled_account_is_refused_by_both_services_at_once_and_the_auditors_find_who_did_it_to_whom() {
        TestRestTemplate queries = queries();
        TestRestTemplate personnel = as(Role.PERSONNEL_OFFICE);
        TestRestTemplate admin = as(Role.ADMIN);
        assertThat(personnel.postForEntity("/api/cadres", Map.of("cadreId", "cadre-e2e-account", "name", "钱同志",
                "unitId", TestAccounts.UNIT_A, "position", "科员", "partyMember", false, "since", "2024-01-01"), Map.class)
                .getStatusCode().value()).isEqualTo(201);
        assertThat(personnel.postForEntity("/api/accounts", Map.of("username", "e2e-qian", "password",
                "a-long-enough-secret", "personId", "cadre-e2e-account", "role", "UNIT_STAFF", "unitId",
                TestAccounts.UNIT_A, "displayName", "钱同志"), Map.class).getStatusCode().value()).isEqualTo(201);
        TestRestTemplate qianOnCommands = http.withBasicAuth("e2e-qian", "a-long-enough-secret");
        TestRestTemplate qianOnQueries = queries.withBasicAuth("e2e-qian", "a-long-enough-secret");
        assertThat(qianOnCommands.getForEntity("/api/me", Map.class).getStatusCode().value()).isEqualTo(200);
        assertThat(qianOnQueries.getForEntity("/api/me", Map.class).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<Map> disabled = admin.postForEntity("/api/accounts/e2e-qian/disablement", Map.of("reason", "调离"),
                Map.class);
        assertThat(disabled.getStatusCode().value()).isEqualTo(201);
        // no waiting: both services read the user store on every request
        assertThat(qianOnCommands.getForEntity("/api/me", Map.class).getStatusCode().value()).isEqualTo(401);
        assertThat(qianOnQueries.getForEntity("/api/me", Map.class).getStatusCode().value()).isEqualTo(401);

        long position = ((Number) disabled.getBody().get("position")).longValue();
        TestRestTemplate auditors = queries.withBasicAuth(TestAccounts.username(Role.DISCIPLINE_INSPECTION),
                TestAccounts.PASSWORD);
        Map<String, Object> concerning = auditors.getForObject("/api/audit/search?concerning=cadre-e2e-account&minPosition="
                + position, Map.class);
        assertThat((List<Map<String, Object>>) concerning.get("events")).extracting(e -> e.get("type"))
                .contains("CadreRegisteredEvent", "AccountOpenedEvent", "AccountDisabledEvent");
        Map<String, Object> byAccount = auditors.getForObject("/api/audit/search?account="
                + TestAccounts.username(Role.ADMIN) + "&types=AccountDisabledEvent&minPosition=" + position, Map.class);
        assertThat((List<Map<String, Object>>) byAccount.get("events")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("actorId", TestAccounts.personId(Role.ADMIN))
                .containsEntry("actorAccount", TestAccounts.username(Role.ADMIN)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> byId(Map<String, Object> ledger, String taskId) {
        return ((List<Map<String, Object>>) ledger.get("tasks")).stream().filter(row -> taskId.equals(row.get("taskId")))
                .findFirst().orElseThrow(() -> new AssertionError(taskId + " is not on the ledger"));
    }
}
