package ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import ledger.command.task.DeadlineWatch;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.TaskFellAtRiskEvent;
import ledger.kernel.task.UrgingNoticeAnsweredEvent;
import ledger.kernel.task.UrgingNoticeWentUnansweredEvent;
import ledger.store.MongoEventStorageEngine;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A month of the bureau's life, through the HTTP APIs of both services: the February meeting
 * assigns March's key tasks; work is reported; one task turns yellow, two turn red; one is stuck
 * and goes to a task force whose opinion the Party Group decides on, giving it a new due date;
 * one is completed and verified. In April the red March task is carried over into April's ledger and
 * reviewed by April's meeting, urged, answered late (the unanswered day recorded once). Then the year closes (scores, a bulletin, an assessment, an award)
 * and the leader's promotion evidence adds it all up; the ledger as of 21 March still shows the
 * red tasks; and every view, rebuilt from the log, equals the view built live.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.bcrypt-strength=4", "ledger.deadlines.check-interval=1h"})
@Import(MonthScenarioTest.ScenarioClock.class)
class MonthScenarioTest {

    static final EmbeddedStoreServer STORE = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    static ConfigurableApplicationContext querySide;

    @TestConfiguration
    static class ScenarioClock {
        @Bean
        MovableClock clock() {
            return new MovableClock(day("2026-02-27"));
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    MovableClock clock;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("ledger.store.uri", STORE::connectionString);
        registry.add("ledger.store.database", () -> "scenario");
    }

    @AfterAll
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
        STORE.close();
    }

    static Instant day(String date) {
        return LocalDate.parse(date).atTime(10, 0).atZone(BureauTime.ZONE).toInstant();
    }

    @Test
    void a_month_of_the_bureaus_work() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
        querySide = new SpringApplicationBuilder(QuerySideApplication.class).run("--server.port=0",
                "--ledger.store.uri=" + STORE.connectionString(), "--ledger.store.database=scenario",
                "--ledger.security.bcrypt-strength=4");
        TestRestTemplate queries = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:"
                + querySide.getEnvironment().getProperty("local.server.port")))
                .withBasicAuth(TestAccounts.username(Role.DISCIPLINE_INSPECTION), TestAccounts.PASSWORD);
        TestRestTemplate director = as(Role.BUREAU_LEADER);
        TestRestTemplate staffA = as(Role.UNIT_STAFF);
        TestRestTemplate staffB = http.withBasicAuth(TestAccounts.STAFF_OF_UNIT_B, TestAccounts.PASSWORD);
        TestRestTemplate office = as(Role.BUREAU_OFFICE);

        // 27 February: the director's deliberation meeting assigns March's key tasks
        String meeting = "/api/deliberation-meetings/" + director.postForEntity("/api/deliberation-meetings",
                Map.of("month", "2026-02", "heldOn", "2026-02-27"), Map.class).getBody().get("id");
        assign(director, meeting, "老旧小区改造开工", TestAccounts.UNIT_A, "2026-03-31");
        assign(director, meeting, "燃气管网隐患整治", TestAccounts.UNIT_B, "2026-03-20");
        assign(director, meeting, "物业服务质量提升", TestAccounts.UNIT_A, "2026-03-15");
        created(director.postForEntity(meeting + "/closure", null, Map.class));
        Map<String, String> tasks = awaitLedger(queries, ledger -> ledger.size() == 3).entrySet().stream()
                .collect(Collectors.toMap(e -> (String) e.getValue().get("title"), Map.Entry::getKey));
        String renovation = tasks.get("老旧小区改造开工");
        String gas = tasks.get("燃气管网隐患整治");
        String property = tasks.get("物业服务质量提升");

        // 10 March: progress
        clock.moveTo(day("2026-03-10"));
        created(staffA.postForEntity("/api/tasks/" + renovation + "/progress-reports",
                Map.of("percent", 40, "narrative", "12个小区已进场"), Map.class));
        created(staffB.postForEntity("/api/tasks/" + gas + "/progress-reports",
                Map.of("percent", 10, "narrative", "管网产权不清，推进受阻"), Map.class));

        // 13 March: the property task turns yellow
        clock.moveTo(day("2026-03-13"));
        watch.check();
        assertThat(awaitLedger(queries, ledger -> "AT_RISK".equals(ledger.get(property).get("status"))))
                .extractingByKey(renovation).extracting(t -> t.get("status")).isEqualTo("ON_TRACK");

        // 21 March: gas and property tasks are red
        clock.moveTo(day("2026-03-21"));
        watch.check();
        awaitLedger(queries, ledger -> "OVERDUE".equals(ledger.get(gas).get("status"))
                && "OVERDUE".equals(ledger.get(property).get("status")));
        String redPosition = queries.getForEntity("/api/ledger/2026-03", Map.class).getHeaders()
                .getFirst("X-Ledger-Position");

        // the gas task is stuck: a task force, its opinion, the Party Group's decision
        String taskForce = "/api/task-forces/" + director.postForEntity("/api/task-forces", Map.of(
                "problem", "燃气管网产权不清", "kind", "BUSINESS", "area", "城市更新",
                "leadLeaderId", TestOrganisation.LEADER, "memberUnitIds", List.of(TestAccounts.UNIT_B),
                "taskIds", List.of(gas)), Map.class).getBody().get("id");
        awaitLedger(queries, ledger -> "ESCALATED".equals(ledger.get(gas).get("status")));
        created(director.postForEntity(taskForce + "/feasibility-opinions",
                Map.of("opinion", "由燃气公司先行整改，产权随后确认"), Map.class));
        created(director.postForEntity(taskForce + "/referrals", Map.of("meeting", "PARTY_GROUP_MEETING"), Map.class));
        created(office.postForEntity(taskForce + "/decisions", Map.of("meeting", "PARTY_GROUP_MEETING",
                "decisionRef", "党组会〔2026〕7号", "decision", "同意先行整改，时限延至4月底", "newDueDate", "2026-04-30",
                "problemResolved", true), Map.class));
        awaitLedger(queries, ledger -> "2026-04-30".equals(ledger.get(gas).get("dueDate")));

        // 28 March: the renovation task is claimed and verified
        clock.moveTo(day("2026-03-28"));
        created(as(Role.UNIT_HEAD).postForEntity("/api/tasks/" + renovation + "/completion-claims",
                Map.of("summary", "全部开工"), Map.class));
        created(office.postForEntity("/api/tasks/" + renovation + "/completion-verifications",
                Map.of("note", "现场核验"), Map.class));

        Map<String, Map<String, Object>> march = awaitLedger(queries,
                ledger -> "COMPLETED".equals(ledger.get(renovation).get("status")));
        assertThat(march.get(renovation)).containsEntry("completedOnTime", true);
        assertThat(march.get(gas)).containsEntry("status", "ON_TRACK").containsEntry("originalDueDate", "2026-03-20")
                .containsEntry("dueDate", "2026-04-30");
        assertThat(march.get(property)).containsEntry("status", "OVERDUE");
        assertThat(march.values()).allSatisfy(task -> assertThat(task).containsEntry("sourceLabel", "局长议事会"));

        // what the meeting screen showed on 21 March, before the task force
        Map<String, Map<String, Object>> then = byTask(queries.getForObject("/api/ledger/2026-03?asOf=" + redPosition,
                Map.class));
        assertThat(then.get(gas)).containsEntry("status", "OVERDUE").containsEntry("dueDate", "2026-03-20");
        assertThat(then.get(renovation)).containsEntry("status", "ON_TRACK");

        // 3 April: March's red property task is carried over into April's ledger (结转); the completed one is not
        clock.moveTo(day("2026-04-03"));
        Map<String, Map<String, Object>> aprilLedger = awaitMonth(queries, "2026-04",
                ledger -> ledger.containsKey(property));
        assertThat(aprilLedger.get(property)).containsEntry("carriedOver", true).containsEntry("ledgerMonth", "2026-03")
                .containsEntry("status", "OVERDUE");
        assertThat(aprilLedger).doesNotContainKey(renovation);

        // April's meeting reviews it among the lagging tasks of the ledger as it stood when convened
        ResponseEntity<Map> aprilConvened = director.postForEntity("/api/deliberation-meetings",
                Map.of("month", "2026-04", "heldOn", "2026-04-03"), Map.class);
        created(aprilConvened);
        String aprilMeeting = (String) aprilConvened.getBody().get("id");
        Map<String, Object> convenedRecord = Awaitility.await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> queries.getForEntity("/api/meetings/" + aprilMeeting, Map.class),
                        answer -> answer.getStatusCode().value() == 200).getBody();
        Map<String, Map<String, Object>> reviewed = byTask(queries.getForObject("/api/ledger/2026-04?asOf="
                + convenedRecord.get("ledgerPosition"), Map.class));
        assertThat(reviewed.get(property)).containsEntry("status", "OVERDUE").containsEntry("carriedOver", true);
        ResponseEntity<Map> review = director.postForEntity("/api/deliberation-meetings/" + aprilMeeting
                + "/lagging-task-reviews", Map.of("taskId", property, "causes", "物业企业整改不到位",
                "countermeasures", "约谈物业企业，逐项销号"), Map.class);
        created(review);
        assertThat((List<Map<String, Object>>) queries.getForObject("/api/meetings/" + aprilMeeting + "?minPosition="
                + review.getBody().get("position"), Map.class).get("reviews"))
                .extracting(r -> r.get("taskId")).containsExactly(property);

        // the bureau office urges it, to reply by 8 April; nobody replies by then, which is recorded once
        ResponseEntity<Map> urged = office.postForEntity("/api/tasks/" + property + "/urging-notices", Map.of(
                "reason", "逾期未完成", "expectation", "说明原因并报送整改措施", "replyBy", "2026-04-08"), Map.class);
        created(urged);
        String notice = (String) urged.getBody().get("id");
        Map<String, Object> urgedRow = row(queries, "/api/ledger/2026-04?minPosition=" + urged.getBody().get("position"),
                property);
        assertThat((List<Map<String, Object>>) urgedRow.get("urgingNotices")).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("noticeId", notice).containsEntry("replyBy", "2026-04-08")
                        .containsEntry("answeredAt", null));
        clock.moveTo(day("2026-04-09"));
        // the watch learns of the notice through its own processor; once it has, a second pass adds nothing
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            watch.check();
            return !eventsOf(property, UrgingNoticeWentUnansweredEvent.class).isEmpty();
        });
        watch.check();
        assertThat(eventsOf(property, UrgingNoticeWentUnansweredEvent.class)).singleElement()
                .satisfies(e -> assertThat(e.noticeId().value()).isEqualTo(notice));

        // 10 April: the lead unit replies, late; the lateness stays on record once, beside the reply
        clock.moveTo(day("2026-04-10"));
        ResponseEntity<Map> replied = staffA.postForEntity("/api/tasks/" + property + "/urging-notices/" + notice
                + "/replies", Map.of("explanation", "物业企业更换，交接延误", "measures", "新物业进场，每周调度",
                "percent", 60), Map.class);
        created(replied);
        watch.check();
        assertThat(eventsOf(property, UrgingNoticeAnsweredEvent.class)).singleElement()
                .satisfies(e -> assertThat(e.late()).isTrue());
        assertThat(eventsOf(property, UrgingNoticeWentUnansweredEvent.class)).hasSize(1);
        Map<String, Object> answeredRow = row(queries, "/api/ledger/2026-04?minPosition="
                + replied.getBody().get("position"), property);
        assertThat((List<Map<String, Object>>) answeredRow.get("urgingNotices")).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("lateReply", true).containsEntry("unanswered", true)
                        .doesNotContainEntry("answeredAt", null));

        // the decision's new due date is watched like any other: yellow on 27 April, red on 1 May, each once
        clock.moveTo(day("2026-04-27"));
        assertThat(watch.check()).isEqualTo(1);
        assertThat(awaitLedger(queries, ledger -> "AT_RISK".equals(ledger.get(gas).get("status"))).get(gas))
                .containsEntry("dueDate", "2026-04-30");
        assertThat(watch.check()).isZero();
        clock.moveTo(day("2026-05-01"));
        assertThat(watch.check()).isEqualTo(1);
        awaitLedger(queries, ledger -> "OVERDUE".equals(ledger.get(gas).get("status")));
        assertThat(watch.check()).isZero();
        assertThat(eventsOf(gas, TaskFellAtRiskEvent.class)).extracting(TaskFellAtRiskEvent::dueDate)
                .containsExactly(LocalDate.parse("2026-04-30"));
        assertThat(eventsOf(gas, DeadlineMissedEvent.class)).extracting(DeadlineMissedEvent::dueDate)
                .containsExactly(LocalDate.parse("2026-03-20"), LocalDate.parse("2026-04-30"));

        // the year closes: scores, the October bulletin, the assessment and an award (the leader's evidence)
        clock.moveTo(day("2027-01-05"));
        EvaluationSteps.run(http);
        TestRestTemplate personnel = queries.withBasicAuth(TestAccounts.username(Role.PERSONNEL_OFFICE),
                TestAccounts.PASSWORD);
        Map<String, Object> evidence = Awaitility.await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100)).until(() -> personnel.getForObject("/api/cadres/"
                        + TestOrganisation.LEADER + "/evidence?from=2026-01-01&to=2026-12-31", Map.class),
                        e -> ((List<?>) e.get("awards")).size() == 1 && ((List<?>) e.get("highlights")).size() == 1
                                && ((List<?>) e.get("assessments")).size() == 1 && ((List<?>) e.get("scores")).size() == 1
                                && ((Map<?, ?>) ((List<?>) e.get("scores")).get(0)).get("value").equals(85));
        assertThat((Map<String, Object>) evidence.get("taskSummary")).containsEntry("led", 3)
                .containsEntry("completedOnTime", 1).containsEntry("open", 2).containsEntry("escalated", 1)
                .containsEntry("deadlineMissed", 2);
        assertThat((List<Map<String, Object>>) evidence.get("scoreAverages")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("dimension", "timeliness").containsEntry("average", 85.0));

        // the October bulletin as readers see it, and unit A's record
        Map<String, Object> bulletin = Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> queries.getForObject("/api/bulletins/2026-10", Map.class),
                        b -> "PUBLISHED".equals(b.get("status")) && ((List<Map<String, Object>>) b.get("entries"))
                                .stream().anyMatch(e -> !((List<?>) e.get("errata")).isEmpty()));
        assertThat((List<?>) bulletin.get("signOffs")).hasSize(3);
        assertThat((List<Map<String, Object>>) bulletin.get("entries")).extracting(e -> e.get("kind"))
                .containsExactly("HIGHLIGHT", "PROBLEM");
        Map<String, Object> unitA = queries.getForObject("/api/units/" + TestAccounts.UNIT_A + "/record", Map.class);
        assertThat((List<Map<String, Object>>) unitA.get("scores")).singleElement()
                .satisfies(score -> assertThat(score).containsEntry("dimension", "quality").containsEntry("value", 4));
        assertThat((List<Map<String, Object>>) unitA.get("bulletinMentions")).extracting(m -> m.get("kind"))
                .containsExactly("HIGHLIGHT");

        // every view rebuilt from the log equals the view built live
        ViewRebuildCheck.assertRebuiltViewsEqualLive(querySide, queries.withBasicAuth(
                TestAccounts.username(Role.ADMIN), TestAccounts.PASSWORD));
    }

    private <E> List<E> eventsOf(String task, Class<E> type) {
        return engine.readEvents(task).asStream().map(event -> event.getPayload()).filter(type::isInstance)
                .map(type::cast).toList();
    }

    /** One task's row of the ledger the path reads. */
    private static Map<String, Object> row(TestRestTemplate queries, String path, String task) {
        Map<String, Object> ledger = queries.getForObject(path, Map.class);
        return byTask(ledger).get(task);
    }

    private static Map<String, Map<String, Object>> byTask(Map<String, Object> ledger) {
        return ((List<Map<String, Object>>) ledger.get("tasks")).stream()
                .collect(Collectors.toMap(t -> (String) t.get("taskId"), t -> t));
    }

    private TestRestTemplate as(Role role) {
        return http.withBasicAuth(TestAccounts.username(role), TestAccounts.PASSWORD);
    }

    private static void assign(TestRestTemplate director, String meeting, String title, String unit, String due) {
        created(director.postForEntity(meeting + "/task-assignments", Map.of("title", title,
                "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", unit, "dueDate", due), Map.class));
    }

    private static void created(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    }

    /** The March ledger by task id, once it satisfies the condition (views follow the events). */
    private static Map<String, Map<String, Object>> awaitLedger(TestRestTemplate queries,
                                                                 Predicate<Map<String, Map<String, Object>>> ready) {
        return awaitMonth(queries, "2026-03", ready);
    }

    /** A month's ledger by task id, once it satisfies the condition. */
    private static Map<String, Map<String, Object>> awaitMonth(TestRestTemplate queries, String month,
                                                                Predicate<Map<String, Map<String, Object>>> ready) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    List<Map<String, Object>> tasks = (List<Map<String, Object>>) queries
                            .getForObject("/api/ledger/" + month, Map.class).get("tasks");
                    return tasks.stream().collect(Collectors.toMap(t -> (String) t.get("taskId"), t -> t));
                }, ledger -> !ledger.isEmpty() && ready.test(ledger));
    }
}
