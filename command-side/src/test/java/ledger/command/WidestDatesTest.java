package ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ledger.kernel.security.Role;
import ledger.kernel.shared.BureauTime;
import ledger.query.QuerySideApplication;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.storeserver.EmbeddedStoreServer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
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
 * The other half of {@link DateFieldBoundsTest}: the first and the last day the API accepts
 * ({@link BureauTime}), sent through every command that carries a date, reach every view without
 * parking an event, and the views show them. A view that could not store such a day would park
 * its event in the dead-letter queue (and every later event of that task or cadre), as
 * {@code +999999999-12-31} once did.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.bcrypt-strength=4", "ledger.deadlines.check-interval=1h"})
class WidestDatesTest {

    static final EmbeddedStoreServer STORE = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    static final String FIRST = BureauTime.EARLIEST_DAY.toString();
    static final String LAST = BureauTime.LATEST_DAY.toString();
    static final String TODAY = LocalDate.now(BureauTime.ZONE).toString();
    static final String FIRST_MONTH = FIRST.substring(0, 7);
    static final String LAST_MONTH = LAST.substring(0, 7);
    static final Pattern NAMED = Pattern.compile("\\{([a-z-]+)}");
    static ConfigurableApplicationContext querySide;

    /**
     * One command carrying dates: who sends it where with which body ({@code {name}} is an id an
     * earlier step answered with, kept as {@code saveAs}), and the view that must then show each date.
     */
    record Step(String saveAs, Role role, String path, Map<String, Object> body, String view, List<String> shows) {
    }

    static final List<Step> STEPS = List.of(
            // the people and units the dates are about
            new Step(null, Role.PERSONNEL_OFFICE, "/api/cadres", Map.of("cadreId", "cadre-first", "name", "早干部",
                    "unitId", TestAccounts.UNIT_A, "position", "科员", "partyMember", true, "since", FIRST),
                    "/api/cadres/cadre-first/record", List.of(FIRST)),
            new Step(null, Role.PERSONNEL_OFFICE, "/api/cadres", Map.of("cadreId", "cadre-last", "name", "晚干部",
                    "unitId", TestAccounts.UNIT_B, "position", "科员", "partyMember", false, "since", LAST),
                    "/api/cadres/cadre-last/record", List.of(LAST)),
            new Step(null, Role.PERSONNEL_OFFICE, "/api/cadres/cadre-first/transfers", Map.of("toUnitId", "unit-c",
                    "position", "副科长", "effectiveOn", FIRST, "reason", "轮岗"), "/api/cadres/cadre-first/record", List.of(FIRST)),
            new Step(null, Role.PERSONNEL_OFFICE, "/api/cadres/cadre-last/transfers", Map.of("toUnitId", "unit-c",
                    "position", "副科长", "effectiveOn", LAST, "reason", "轮岗"), "/api/cadres/cadre-last/record", List.of(LAST)),
            new Step(null, Role.PERSONNEL_OFFICE, "/api/cadres/cadre-first/leader-appointments", Map.of("title", "副局长",
                    "areasInCharge", List.of("城市更新"), "inChargeOfPersonnel", false, "effectiveOn", FIRST),
                    "/api/cadres/cadre-first/record", List.of(FIRST)),
            new Step(null, Role.PERSONNEL_OFFICE, "/api/cadres/cadre-last/leader-appointments", Map.of("title", "副局长",
                    "areasInCharge", List.of("建筑市场"), "inChargeOfPersonnel", false, "effectiveOn", LAST),
                    "/api/cadres/cadre-last/record", List.of(LAST)),
            new Step(null, Role.PERSONNEL_OFFICE, "/api/units/unit-c/head-appointments", Map.of("cadreId", "cadre-first",
                    "effectiveOn", FIRST), "/api/units/unit-c/record", List.of(FIRST)),
            new Step(null, Role.PERSONNEL_OFFICE, "/api/units/unit-c/headship-ends", Map.of("effectiveOn", LAST,
                    "reason", "任期届满"), "/api/units/unit-c/record", List.of(FIRST, LAST)),
            new Step(null, Role.PERSONNEL_OFFICE, "/api/cadres/cadre-first/assessments", Map.of("kind", "ANNUAL",
                    "period", "1950", "grade", "EXCELLENT", "periodEnd", FIRST), "/api/cadres/cadre-first/record", List.of(FIRST)),
            new Step(null, Role.PERSONNEL_OFFICE, "/api/cadres/cadre-first/assessments", Map.of("kind", "ANNUAL",
                    "period", "2100", "grade", "COMPETENT", "periodEnd", LAST), "/api/cadres/cadre-first/record", List.of(LAST)),
            new Step(null, Role.PERSONNEL_OFFICE, "/api/cadres/cadre-first/mistakes", Map.of("description", "程序瑕疵",
                    "occurredOn", FIRST), "/api/cadres/cadre-first/record", List.of(FIRST)),
            new Step(null, Role.PERSONNEL_OFFICE, "/api/cadres/cadre-last/mistakes", Map.of("description", "程序瑕疵",
                    "occurredOn", LAST), "/api/cadres/cadre-last/record", List.of(LAST)),

            // a task due on the first day, in the first ledger month, with milestones on both days; its
            // due date moved to the last day by an approved change; urged to reply by either day
            new Step("first-task", Role.BUREAU_LEADER, "/api/tasks", Map.of("title", "最早的任务", "source", "MINISTRY",
                    "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_A, "dueDate", FIRST,
                    "ledgerMonth", FIRST_MONTH, "milestones", List.of(Map.of("name", "开工", "dueDate", FIRST),
                            Map.of("name", "竣工", "dueDate", LAST))),
                    "/api/tasks/{first-task}", List.of(FIRST, LAST, FIRST_MONTH)),
            new Step(null, Role.UNIT_STAFF, "/api/tasks/{first-task}/progress-reports", Map.of("percent", 40,
                    "narrative", "已开工", "milestone", "开工"), "/api/tasks/{first-task}", List.of(FIRST)),
            new Step(null, Role.UNIT_STAFF, "/api/tasks/{first-task}/deadline-change-requests", Map.of(
                    "proposedDueDate", LAST, "reason", "征收未完成"), "/api/tasks/{first-task}", List.of(LAST)),
            new Step(null, Role.BUREAU_LEADER, "/api/tasks/{first-task}/deadline-change-decisions", Map.of(
                    "approved", true, "note", "同意"), "/api/tasks/{first-task}", List.of(FIRST, LAST)),
            // the earliest reply-by day a notice takes is the day it is issued
            new Step("first-notice", Role.BUREAU_OFFICE, "/api/tasks/{first-task}/urging-notices", Map.of("reason", "进度滞后",
                    "expectation", "说明原因", "replyBy", TODAY), "/api/tasks/{first-task}", List.of(TODAY)),
            new Step(null, Role.UNIT_STAFF, "/api/tasks/{first-task}/urging-notices/{first-notice}/replies", Map.of(
                    "explanation", "资金未到位", "measures", "专班推进", "percent", 50), "/api/tasks/{first-task}", List.of(FIRST)),
            new Step(null, Role.BUREAU_OFFICE, "/api/tasks/{first-task}/urging-notices", Map.of("reason", "再次催办",
                    "expectation", "按期完成", "replyBy", LAST), "/api/tasks/{first-task}", List.of(LAST)),
            new Step(null, Role.PERSONNEL_OFFICE, "/api/cadres/cadre-first/front-line-records", Map.of("kind",
                    "URGENT_DIFFICULT_DANGEROUS_HEAVY", "taskId", "{first-task}", "performance", "驻点攻坚", "on", FIRST),
                    "/api/cadres/cadre-first/record", List.of(FIRST)),

            // a task due on the last day, in the last ledger month, that a task force takes up: it meets on
            // the first day and the Party Group moves the due date to the first day
            new Step("last-task", Role.BUREAU_LEADER, "/api/tasks", Map.of("title", "最晚的任务", "source", "MINISTRY",
                    "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_A, "dueDate", LAST,
                    "ledgerMonth", LAST_MONTH), "/api/tasks/{last-task}", List.of(LAST, LAST_MONTH)),
            new Step("task-force", Role.BUREAU_LEADER, "/api/task-forces", Map.of("problem", "产权不清", "kind", "BUSINESS",
                    "area", "城市更新", "leadLeaderId", TestOrganisation.LEADER, "memberUnitIds", List.of(TestAccounts.UNIT_A),
                    "taskIds", List.of("{last-task}")), "/api/task-forces/{task-force}", List.of()),
            new Step(null, Role.BUREAU_LEADER, "/api/task-forces/{task-force}/meetings", Map.of("heldOn", FIRST,
                    "minutes", "现场会商"), "/api/task-forces/{task-force}", List.of(FIRST)),
            new Step(null, Role.BUREAU_LEADER, "/api/task-forces/{task-force}/meetings", Map.of("heldOn", LAST,
                    "minutes", "再次会商"), "/api/task-forces/{task-force}", List.of(LAST)),
            new Step(null, Role.BUREAU_LEADER, "/api/task-forces/{task-force}/feasibility-opinions", Map.of("opinion",
                    "先行整改"), "/api/task-forces/{task-force}", List.of()),
            new Step(null, Role.BUREAU_LEADER, "/api/task-forces/{task-force}/referrals", Map.of("meeting",
                    "PARTY_GROUP_MEETING"), "/api/task-forces/{task-force}", List.of()),
            new Step(null, Role.BUREAU_OFFICE, "/api/task-forces/{task-force}/decisions", Map.of("meeting",
                    "PARTY_GROUP_MEETING", "decisionRef", "党组会〔1950〕1号", "decision", "时限提前", "newDueDate", FIRST,
                    "problemResolved", true), "/api/tasks/{last-task}", List.of(FIRST, LAST)),

            // deliberation meetings of the first and the last months that may assign tasks
            new Step("first-meeting", Role.BUREAU_LEADER, "/api/deliberation-meetings", Map.of("month", FIRST_MONTH,
                    "heldOn", FIRST), "/api/meetings/{first-meeting}", List.of(FIRST)),
            new Step(null, Role.BUREAU_LEADER, "/api/deliberation-meetings/{first-meeting}/task-assignments", Map.of(
                    "title", "会议布置的最早任务", "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_A,
                    "dueDate", "1950-02-01"), "/api/ledger/1950-02", List.of("1950-02-01")),
            new Step("last-meeting", Role.BUREAU_LEADER, "/api/deliberation-meetings", Map.of("month", "2100-11",
                    "heldOn", LAST), "/api/meetings/{last-meeting}", List.of(LAST)),
            new Step(null, Role.BUREAU_LEADER, "/api/deliberation-meetings/{last-meeting}/task-assignments", Map.of(
                    "title", "会议布置的最晚任务", "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_A,
                    "dueDate", LAST), "/api/ledger/" + LAST_MONTH, List.of(LAST)),

            // scores and bulletins of the first and the last months
            new Step(null, Role.BUREAU_OFFICE, "/api/scores", Map.of("month", FIRST_MONTH, "subjectKind", "CADRE",
                    "subjectId", TestOrganisation.LEADER, "dimension", "timeliness", "scaleMin", 0, "scaleMax", 100,
                    "value", 80, "rationale", "按期"), "/api/cadres/" + TestOrganisation.LEADER + "/record", List.of(FIRST_MONTH)),
            new Step(null, Role.BUREAU_OFFICE, "/api/scores", Map.of("month", LAST_MONTH, "subjectKind", "CADRE",
                    "subjectId", TestOrganisation.LEADER, "dimension", "timeliness", "scaleMin", 0, "scaleMax", 100,
                    "value", 90, "rationale", "按期"), "/api/cadres/" + TestOrganisation.LEADER + "/record", List.of(LAST_MONTH)),
            new Step(null, Role.BUREAU_OFFICE, "/api/bulletins", Map.of("month", FIRST_MONTH),
                    "/api/bulletins/" + FIRST_MONTH, List.of(FIRST_MONTH)),
            new Step(null, Role.BUREAU_OFFICE, "/api/bulletins", Map.of("month", LAST_MONTH),
                    "/api/bulletins/" + LAST_MONTH, List.of(LAST_MONTH)),
            new Step(null, Role.BUREAU_OFFICE, "/api/bulletins/" + LAST_MONTH + "/entries", Map.of("kind", "HIGHLIGHT",
                    "text", "提前完成", "unitIds", List.of(TestAccounts.UNIT_A), "cadreIds", List.of("cadre-last")),
                    "/api/bulletins/" + LAST_MONTH, List.of(LAST_MONTH)),

            // the last day a cadre is in post
            new Step(null, Role.PERSONNEL_OFFICE, "/api/cadres/cadre-first/departures", Map.of("effectiveOn", LAST,
                    "reason", "退休"), "/api/cadres/cadre-first/record", List.of(FIRST, LAST)));

    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("ledger.store.uri", STORE::connectionString);
        registry.add("ledger.store.database", () -> "widest-dates");
    }

    @AfterAll
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
        STORE.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_first_and_the_last_day_the_api_accepts_reach_every_view_and_park_nothing() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
        querySide = new SpringApplicationBuilder(QuerySideApplication.class).run("--server.port=0",
                "--ledger.store.uri=" + STORE.connectionString(), "--ledger.store.database=widest-dates",
                "--ledger.security.bcrypt-strength=4");
        TestRestTemplate queries = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:"
                + querySide.getEnvironment().getProperty("local.server.port")));
        TestRestTemplate admin = queries.withBasicAuth(TestAccounts.username(Role.ADMIN), TestAccounts.PASSWORD);
        TestRestTemplate reader = queries.withBasicAuth(TestAccounts.username(Role.DISCIPLINE_INSPECTION),
                TestAccounts.PASSWORD);

        Map<String, String> ids = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        long last = 0;
        for (Step step : STEPS) {
            ResponseEntity<Map> answer = http.withBasicAuth(TestAccounts.username(step.role()), TestAccounts.PASSWORD)
                    .postForEntity(named(step.path(), ids), named(step.body(), ids), Map.class);
            assertThat(answer.getStatusCode().value()).as(step.path() + " " + step.body() + " -> " + answer.getBody())
                    .isEqualTo(201);
            if (step.saveAs() != null) {
                String location = answer.getHeaders().getLocation().getPath();
                ids.put(step.saveAs(), location.substring(location.lastIndexOf('/') + 1));
            }
            last = ((Number) answer.getBody().get("position")).longValue();
            // a decision reaches its task through the command side's flows, after the command's position
            String view = named(step.view(), ids) + "?minPosition=" + last;
            try {
                Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                        .until(() -> reader.getForEntity(view, String.class), shown -> shown.getStatusCode().value() == 200
                                && step.shows().stream().allMatch(shown.getBody()::contains));
            } catch (ConditionTimeoutException notShown) {
                wrong.add(step.path() + " " + step.body() + ": " + view + " -> " + reader.getForEntity(view, String.class));
            }
        }
        assertThat(wrong).as("views that do not show the dates sent").isEmpty();

        // every view processor has handled the whole log, and not one event waits in a dead-letter queue
        List<Map<String, Object>> processors = Awaitility.await()
                .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> (List<Map<String, Object>>) admin.getForObject("/api/admin/processors", List.class), all ->
                        all.stream().allMatch(p -> p.get("position") != null && ((Number) p.get("position")).longValue()
                                >= ((Number) p.get("headPosition")).longValue()));
        assertThat(processors).as("the view processors").hasSizeGreaterThan(5)
                .allSatisfy(p -> assertThat(p).as(String.valueOf(p.get("name"))).containsEntry("inError", false)
                        .satisfies(q -> assertThat(((Number) q.get("parkedEvents")).longValue()).as("parked events of "
                                + q.get("name") + ": " + q.get("parked")).isZero()));
        List<Map<String, Object>> deadLetters = admin.getForObject("/api/admin/dead-letters", List.class);
        assertThat(deadLetters).as("every view's dead-letter queue").isNotEmpty()
                .allSatisfy(group -> assertThat(((Number) group.get("letterCount")).longValue())
                        .as(group.get("group") + ": " + group.get("sequences")).isZero());
    }

    private static String named(String text, Map<String, String> ids) {
        Matcher name = NAMED.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (name.find()) {
            assertThat(ids).as("an id an earlier step answered with").containsKey(name.group(1));
            name.appendReplacement(filled, ids.get(name.group(1)));
        }
        return name.appendTail(filled).toString();
    }

    @SuppressWarnings("unchecked")
    private static Object named(Object body, Map<String, String> ids) {
        if (body instanceof String text) {
            return named(text, ids);
        }
        if (body instanceof List<?> list) {
            return list.stream().map(element -> named(element, ids)).toList();
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> filled = new HashMap<>();
            ((Map<String, Object>) map).forEach((key, value) -> filled.put(key, named(value, ids)));
            return filled;
        }
        return body;
    }
}
