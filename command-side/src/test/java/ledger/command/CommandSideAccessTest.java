package ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import ledger.kernel.security.Role;
import ledger.security.ApiDocumentChecks;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.store.MongoEventStorageEngine;
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

/** Every endpoint of the command side, tried by every role and by nobody; a refusal stores nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4"})
class CommandSideAccessTest {

    /**
     * A request, the roles allowed to make it (null: public), and the status an allowed one gets.
     * The path is made afresh for each caller, so each finds the task in the state it needs.
     */
    record Endpoint(HttpMethod method, Supplier<String> path, Supplier<String> body, Set<Role> allowed,
                    int allowedStatus) {

        Endpoint(HttpMethod method, String path, Supplier<String> body, Set<Role> allowed, int allowedStatus) {
            this(method, () -> path, body, allowed, allowedStatus);
        }
    }

    private static final AtomicInteger ACCOUNT = new AtomicInteger();

    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    MongoEventStorageEngine engine;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
    }

    @Test
    void the_api_description_lets_swagger_ui_sign_in_with_basic_or_bearer() throws Exception {
        ApiDocumentChecks.declaresBasicAndBearerOnEveryOperation(ApiDocumentChecks.document(http));
        ApiDocumentChecks.swaggerUiSignsInWithBasic(http, "/api/accounts");
    }

    @Test
    void every_endpoint_answers_each_role_as_the_rules_say_and_refusals_store_no_event() {
        String task = assignTask();
        List<Endpoint> endpoints = List.of(
                new Endpoint(HttpMethod.POST, "/api/tasks", () -> """
                        {"title":"权限测试","source":"MINISTRY","leadLeaderId":"cadre-test-bureau-leader","leadUnitId":"unit-a",
                         "dueDate":"2026-03-31","ledgerMonth":"2026-03"}""", EnumSet.of(Role.BUREAU_LEADER), 201),
                new Endpoint(HttpMethod.POST, "/api/tasks/" + task + "/progress-reports",
                        () -> "{\"percent\":10,\"narrative\":\"进展\"}", Role.UNIT_ROLES, 201),
                new Endpoint(HttpMethod.POST, () -> {
                    lastSubId = freshCadre();
                    return "/api/accounts";
                }, () -> """
                        {"username":"new-%d","password":"a-long-enough-secret","personId":"%s",
                         "role":"UNIT_STAFF","unitId":"unit-a","displayName":"新同事"}""".formatted(ACCOUNT.incrementAndGet(),
                        lastSubId), EnumSet.of(Role.ADMIN, Role.PERSONNEL_OFFICE), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/accounts/" + freshAccount() + "/role-changes",
                        () -> "{\"role\":\"UNIT_HEAD\",\"unitId\":\"unit-a\"}", EnumSet.of(Role.ADMIN, Role.PERSONNEL_OFFICE), 201),
                // the test accounts are written straight into the user store, without an account stream: whoever
                // gets through the rules (every signed-in role) then finds nothing recorded, and no password changes
                new Endpoint(HttpMethod.POST, "/api/accounts/me/password-changes", () -> """
                        {"currentPassword":"%s","newPassword":"another-long-secret"}""".formatted(TestAccounts.PASSWORD),
                        Role.SIGN_IN_ROLES, 404),
                new Endpoint(HttpMethod.POST, () -> "/api/accounts/" + freshAccount() + "/password-resets", () -> null,
                        EnumSet.of(Role.ADMIN), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/accounts/" + freshAccount() + "/disablement",
                        () -> "{\"reason\":\"离职\"}", EnumSet.of(Role.ADMIN), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/accounts/" + disabledAccount() + "/enablement", () -> null,
                        EnumSet.of(Role.ADMIN), 201),
                new Endpoint(HttpMethod.GET, "/api/accounts", () -> null, EnumSet.of(Role.ADMIN), 200),
                new Endpoint(HttpMethod.POST, "/api/units", () -> """
                        {"unitId":"unit-new-%d","name":"新处室","kind":"DIVISION"}""".formatted(ACCOUNT.incrementAndGet()),
                        EnumSet.of(Role.ADMIN, Role.PERSONNEL_OFFICE), 201),
                new Endpoint(HttpMethod.POST, "/api/cadres", () -> """
                        {"cadreId":"cadre-new-%d","name":"新同志","unitId":"unit-a","position":"科员","partyMember":false,
                         "since":"2026-01-01"}""".formatted(ACCOUNT.incrementAndGet()), EnumSet.of(Role.PERSONNEL_OFFICE), 201),
                new Endpoint(HttpMethod.POST, "/api/cadres/" + TestOrganisation.LEADER + "/transfers", () -> """
                        {"toUnitId":"unit-a","position":"副局长（%d）","effectiveOn":"2026-02-01","reason":"岗位调整"}"""
                        .formatted(ACCOUNT.incrementAndGet()), EnumSet.of(Role.PERSONNEL_OFFICE), 201),
                new Endpoint(HttpMethod.POST, "/api/cadres/" + TestOrganisation.LEADER + "/leader-appointments", () -> """
                        {"title":"副局长","areasInCharge":["城市更新"],"inChargeOfPersonnel":false,"effectiveOn":"2026-02-01"}""",
                        EnumSet.of(Role.PERSONNEL_OFFICE), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/tasks/" + assignTask() + "/completion-claims",
                        () -> "{\"summary\":\"已完成\"}", Role.UNIT_ROLES, 201),
                new Endpoint(HttpMethod.POST, () -> "/api/tasks/" + claimedTask() + "/completion-verifications",
                        () -> "{\"note\":\"核验通过\"}", EnumSet.of(Role.BUREAU_OFFICE, Role.ORGAN_PARTY_COMMITTEE), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/tasks/" + claimedTask() + "/completion-rejections",
                        () -> "{\"reason\":\"材料不全\"}", EnumSet.of(Role.BUREAU_OFFICE, Role.ORGAN_PARTY_COMMITTEE), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/tasks/" + assignTask() + "/deadline-change-requests",
                        () -> "{\"proposedDueDate\":\"2026-04-30\",\"reason\":\"资金未到位\"}", Role.UNIT_ROLES, 201),
                new Endpoint(HttpMethod.POST, () -> "/api/tasks/" + taskWithDeadlineRequest() + "/deadline-change-decisions",
                        () -> "{\"approved\":true}", EnumSet.of(Role.BUREAU_LEADER), 201),
                new Endpoint(HttpMethod.POST, "/api/task-forces", () -> taskForceJson(assignTask()),
                        EnumSet.of(Role.BUREAU_LEADER), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/task-forces/" + formTaskForce() + "/meetings",
                        () -> "{\"heldOn\":\"2026-03-05\",\"minutes\":\"会商\"}", EnumSet.of(Role.BUREAU_LEADER), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/task-forces/" + formTaskForce() + "/feasibility-opinions",
                        () -> "{\"opinion\":\"可行\"}", EnumSet.of(Role.BUREAU_LEADER), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/task-forces/" + taskForceWithOpinion() + "/referrals",
                        () -> "{\"meeting\":\"BUREAU_AFFAIRS_MEETING\"}", EnumSet.of(Role.BUREAU_LEADER), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/task-forces/" + referredTaskForce() + "/decisions", () -> """
                        {"meeting":"BUREAU_AFFAIRS_MEETING","decisionRef":"局务会〔2026〕1号","decision":"同意",
                         "problemResolved":true}""", EnumSet.of(Role.BUREAU_OFFICE), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/task-forces/" + formTaskForce() + "/dissolutions",
                        () -> "{\"outcome\":\"已解决\"}", EnumSet.of(Role.BUREAU_LEADER), 201),
                new Endpoint(HttpMethod.POST, "/api/deliberation-meetings",
                        () -> "{\"month\":\"2026-03\",\"heldOn\":\"2026-03-30\"}", EnumSet.of(Role.BUREAU_LEADER), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/deliberation-meetings/" + conveneMeeting() + "/lagging-task-reviews",
                        () -> "{\"taskId\":\"" + assignTask() + "\",\"causes\":\"资金\",\"countermeasures\":\"协调\"}",
                        EnumSet.of(Role.BUREAU_LEADER), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/deliberation-meetings/" + conveneMeeting() + "/task-assignments",
                        () -> """
                        {"title":"下月任务","leadLeaderId":"%s","leadUnitId":"unit-a","dueDate":"2026-04-30"}"""
                        .formatted(TestOrganisation.LEADER), EnumSet.of(Role.BUREAU_LEADER), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/deliberation-meetings/" + conveneMeeting() + "/task-cancellations",
                        () -> "{\"taskId\":\"" + assignTask() + "\",\"reason\":\"取消\"}", EnumSet.of(Role.BUREAU_LEADER), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/deliberation-meetings/" + conveneMeeting() + "/closure",
                        () -> null, EnumSet.of(Role.BUREAU_LEADER), 201),
                new Endpoint(HttpMethod.POST, "/api/scores", () -> scoreJson(),
                        EnumSet.of(Role.BUREAU_OFFICE, Role.ORGAN_PARTY_COMMITTEE), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/scores/" + recordScore() + "/correction-requests",
                        () -> "{\"newValue\":90,\"reason\":\"漏计\"}", EnumSet.of(Role.BUREAU_OFFICE, Role.ORGAN_PARTY_COMMITTEE), 201),
                // asked for by the organ party committee, so only the bureau office may approve (four eyes)
                new Endpoint(HttpMethod.POST, () -> "/api/scores/" + scoreWithCorrectionRequest() + "/correction-approvals",
                        () -> null, EnumSet.of(Role.BUREAU_OFFICE), 201),
                new Endpoint(HttpMethod.POST, "/api/bulletins", () -> "{\"month\":\"" + freshMonth() + "\"}",
                        EnumSet.of(Role.BUREAU_OFFICE, Role.ORGAN_PARTY_COMMITTEE), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/bulletins/" + draftBulletin() + "/entries", () -> """
                        {"kind":"HIGHLIGHT","text":"提前完成","unitIds":["unit-a"]}""",
                        EnumSet.of(Role.BUREAU_OFFICE, Role.ORGAN_PARTY_COMMITTEE), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/bulletins/" + draftBulletin() + "/sign-offs", () -> null,
                        Role.SUPERVISION_GROUP, 201),
                new Endpoint(HttpMethod.POST, () -> "/api/bulletins/" + signedBulletin() + "/publication", () -> null,
                        EnumSet.of(Role.BUREAU_OFFICE), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/bulletins/" + publishedBulletin() + "/errata",
                        () -> "{\"entryId\":\"" + lastEntryId + "\",\"correction\":\"更正\",\"reason\":\"笔误\"}",
                        EnumSet.of(Role.BUREAU_OFFICE, Role.ORGAN_PARTY_COMMITTEE), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/cadres/" + freshCadre() + "/assessments", () -> """
                        {"kind":"ANNUAL","period":"2025","grade":"COMPETENT","periodEnd":"2025-12-31"}""", EnumSet.of(Role.PERSONNEL_OFFICE), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/cadres/" + assessedCadre() + "/assessment-corrections",
                        () -> "{\"assessmentId\":\"" + lastSubId + "\",\"newGrade\":\"EXCELLENT\",\"reason\":\"漏计\"}",
                        EnumSet.of(Role.PERSONNEL_OFFICE), 201),
                // asked for by the personnel office's test account, so only a bureau leader may approve it (four eyes)
                new Endpoint(HttpMethod.POST, () -> "/api/cadres/" + cadreWithCorrectionRequest()
                        + "/assessment-correction-approvals", () -> "{\"assessmentId\":\"" + lastSubId + "\"}",
                        EnumSet.of(Role.BUREAU_LEADER), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/cadres/" + freshCadre() + "/departures",
                        () -> "{\"effectiveOn\":\"2026-06-30\",\"reason\":\"调出\"}", EnumSet.of(Role.PERSONNEL_OFFICE), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/cadres/" + freshCadre() + "/awards",
                        () -> "{\"award\":\"ADVANCED_WORKER\",\"year\":2026,\"citation\":\"表现突出\"}", EnumSet.of(Role.PERSONNEL_OFFICE), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/units/" + freshUnit() + "/awards",
                        () -> "{\"award\":\"CIVILISED_UNIT\",\"year\":2099,\"citation\":\"文明处室\"}", EnumSet.of(Role.PERSONNEL_OFFICE), 201),
                new Endpoint(HttpMethod.POST, () -> {
                    lastSubId = freshCadre();
                    return "/api/units/" + freshUnit() + "/head-appointments";
                }, () -> "{\"cadreId\":\"" + lastSubId + "\",\"effectiveOn\":\"2026-01-01\"}",
                        EnumSet.of(Role.PERSONNEL_OFFICE), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/units/" + unitWithHead() + "/headship-ends",
                        () -> "{\"effectiveOn\":\"2026-06-30\",\"reason\":\"调任\"}", EnumSet.of(Role.PERSONNEL_OFFICE), 201),
                // set-up (the task) happens in the path, before the "nothing stored" check starts
                new Endpoint(HttpMethod.POST, () -> {
                    lastSubId = assignTask();
                    return "/api/cadres/" + freshCadre() + "/front-line-records";
                }, () -> """
                        {"kind":"REFORM","taskId":"%s","performance":"牵头攻坚","on":"2026-03-01"}"""
                        .formatted(lastSubId), EnumSet.of(Role.PERSONNEL_OFFICE), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/cadres/" + freshCadre() + "/mistakes",
                        () -> "{\"description\":\"备案滞后\",\"occurredOn\":\"2026-03-01\"}", EnumSet.of(Role.PERSONNEL_OFFICE), 201),
                new Endpoint(HttpMethod.POST, () -> "/api/cadres/" + cadreWithMistake() + "/error-tolerance-decisions",
                        () -> """
                        {"mistakeId":"%s","experimentVersusViolation":"探索","publicVersusPrivate":"为公",
                         "unawareVersusKnowing":"无先例","partyGroupDecisionRef":"党组会〔2026〕1号"}"""
                        .formatted(lastSubId), EnumSet.of(Role.PERSONNEL_OFFICE), 201),
                new Endpoint(HttpMethod.GET, "/api/me", () -> null, Role.SIGN_IN_ROLES, 200),
                new Endpoint(HttpMethod.GET, "/actuator/metrics", () -> null, EnumSet.of(Role.ADMIN), 200),
                new Endpoint(HttpMethod.GET, "/actuator/health", () -> null, null, 200),
                new Endpoint(HttpMethod.GET, "/v3/api-docs", () -> null, null, 200));

        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            List<Role> callers = new ArrayList<>();
            callers.add(null); // nobody signed in
            callers.addAll(Role.SIGN_IN_ROLES);
            for (Role role : callers) {
                String caller = role == null ? null : TestAccounts.username(role);
                boolean allowed = endpoint.allowed() == null || (role != null && endpoint.allowed().contains(role));
                int expected = allowed ? endpoint.allowedStatus() : role == null ? 401 : 403;
                String path = endpoint.path().get();
                long before = engine.lastReservedPosition();
                int status = call(caller, endpoint.method(), path, endpoint.body().get());
                if (status != expected) {
                    wrong.add((caller == null ? "nobody" : caller) + " " + endpoint.method() + " " + path
                            + " -> " + status + ", expected " + expected);
                }
                if (!allowed && storedSince(before, role)) {
                    wrong.add("refused " + caller + " " + path + " still stored an event");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void the_personnel_office_opens_staff_accounts_but_not_administrators() {
        String admin = """
                {"username":"second-admin","password":"a-long-enough-secret","personId":"cadre-it",
                 "role":"ADMIN","displayName":"管理员"}""";
        assertThat(call(TestAccounts.username(Role.PERSONNEL_OFFICE),
                new Endpoint(HttpMethod.POST, "/api/accounts", () -> admin, null, 0))).isEqualTo(403);
        assertThat(call(TestAccounts.username(Role.ADMIN),
                new Endpoint(HttpMethod.POST, "/api/accounts", () -> admin, null, 0))).isEqualTo(201);
        assertThat(call(TestAccounts.username(Role.ADMIN),
                new Endpoint(HttpMethod.POST, "/api/accounts", () -> admin, null, 0))).isEqualTo(409);
        assertThat(accounts.find("second-admin").orElseThrow().passwordHash()).startsWith("$2").doesNotContain("secret");
    }

    @Test
    void a_new_account_can_sign_in_and_acts_as_its_person() {
        postAsPersonnel("/api/cadres", """
                {"cadreId":"cadre-li-ming","name":"李明","unitId":"unit-b","position":"处长","partyMember":true,
                 "since":"2024-01-01"}""");
        String body = """
                {"username":"li-ming","password":"li-ming-secret-1","personId":"cadre-li-ming","role":"UNIT_HEAD",
                 "unitId":"unit-b","displayName":"李明"}""";
        assertThat(call(TestAccounts.username(Role.PERSONNEL_OFFICE),
                new Endpoint(HttpMethod.POST, "/api/accounts", () -> body, null, 0))).isEqualTo(201);

        Map<String, Object> me = http.withBasicAuth("li-ming", "li-ming-secret-1").getForObject("/api/me", Map.class);

        assertThat(me).containsEntry("personId", "cadre-li-ming").containsEntry("role", "UNIT_HEAD")
                .containsEntry("unitId", "unit-b");
    }

    /**
     * Whether an event was stored after {@code position} in the name of the caller (anonymous:
     * with no actor). Set-up requests keep flows running in the background, so we look at whose
     * name the new events carry rather than at whether any exist.
     */
    private boolean storedSince(long position, Role role) {
        String person = role == null ? null : TestAccounts.personId(role);
        return engine.readEvents(new GlobalSequenceTrackingToken(position), false)
                .anyMatch(event -> java.util.Objects.equals(event.getMetaData().get("actorId"), person));
    }

    private String assignTask() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = """
                {"title":"权限测试","source":"MINISTRY","leadLeaderId":"cadre-test-bureau-leader","leadUnitId":"unit-a",
                 "dueDate":"2026-03-31","ledgerMonth":"2026-03"}""";
        return (String) http.withBasicAuth(TestAccounts.username(Role.BUREAU_LEADER), TestAccounts.PASSWORD)
                .exchange("/api/tasks", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class)
                .getBody().get("id");
    }

    private int call(String username, Endpoint endpoint) {
        return call(username, endpoint.method(), endpoint.path().get(), endpoint.body().get());
    }

    private int call(String username, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        TestRestTemplate client = username == null ? http : http.withBasicAuth(username, TestAccounts.PASSWORD);
        return client.exchange(path, method, new HttpEntity<>(body, headers), String.class).getStatusCode().value();
    }

    private String claimedTask() {
        String task = assignTask();
        expectCreated(call(TestAccounts.username(Role.UNIT_HEAD), HttpMethod.POST,
                "/api/tasks/" + task + "/completion-claims", "{\"summary\":\"已完成\"}"));
        return task;
    }

    private String taskWithDeadlineRequest() {
        String task = assignTask();
        expectCreated(call(TestAccounts.username(Role.UNIT_STAFF), HttpMethod.POST,
                "/api/tasks/" + task + "/deadline-change-requests",
                "{\"proposedDueDate\":\"2026-04-30\",\"reason\":\"资金未到位\"}"));
        return task;
    }

    private static final AtomicInteger MONTH = new AtomicInteger();
    private String lastSubId;

    private String postAsPersonnel(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> response = http.withBasicAuth(TestAccounts.username(Role.PERSONNEL_OFFICE),
                TestAccounts.PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
        expectCreated(response.getStatusCode().value());
        String location = response.getHeaders().getLocation().toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private String freshCadre() {
        String cadre = "cadre-access-" + ACCOUNT.incrementAndGet();
        postAsPersonnel("/api/cadres", """
                {"cadreId":"%s","name":"测试","unitId":"unit-a","position":"科员","partyMember":true,"since":"2024-01-01"}"""
                .formatted(cadre));
        return cadre;
    }

    /** A unit staff account of a fresh cadre of unit-a, opened by the personnel office. */
    private String freshAccount() {
        String cadre = freshCadre();
        String username = "acc-" + ACCOUNT.incrementAndGet();
        postAsPersonnel("/api/accounts", """
                {"username":"%s","password":"a-long-enough-secret","personId":"%s","role":"UNIT_STAFF","unitId":"unit-a",
                 "displayName":"测试"}""".formatted(username, cadre));
        return username;
    }

    private String disabledAccount() {
        String username = freshAccount();
        expectCreated(call(TestAccounts.username(Role.ADMIN), HttpMethod.POST, "/api/accounts/" + username + "/disablement",
                null));
        return username;
    }

    private String freshUnit() {
        String unit = "unit-access-" + ACCOUNT.incrementAndGet();
        postAsPersonnel("/api/units", "{\"unitId\":\"" + unit + "\",\"name\":\"测试处\",\"kind\":\"DIVISION\"}");
        return unit;
    }

    private String unitWithHead() {
        String unit = freshUnit();
        postAsPersonnel("/api/units/" + unit + "/head-appointments",
                "{\"cadreId\":\"" + freshCadre() + "\",\"effectiveOn\":\"2026-01-01\"}");
        return unit;
    }

    private String assessedCadre() {
        String cadre = freshCadre();
        lastSubId = postAsPersonnel("/api/cadres/" + cadre + "/assessments", """
                {"kind":"ANNUAL","period":"2025","grade":"COMPETENT","periodEnd":"2025-12-31"}""");
        return cadre;
    }

    private String cadreWithCorrectionRequest() {
        String cadre = assessedCadre();
        postAsPersonnel("/api/cadres/" + cadre + "/assessment-corrections",
                "{\"assessmentId\":\"" + lastSubId + "\",\"newGrade\":\"EXCELLENT\",\"reason\":\"漏计\"}");
        return cadre;
    }

    private String cadreWithMistake() {
        String cadre = freshCadre();
        lastSubId = postAsPersonnel("/api/cadres/" + cadre + "/mistakes",
                "{\"description\":\"备案滞后\",\"occurredOn\":\"2026-03-01\"}");
        return cadre;
    }
    private String lastEntryId;

    /** One bulletin per month, so each attempt works on a month of its own (all before the 2100-12-31 limit). */
    private static String freshMonth() {
        return java.time.YearMonth.of(2060, 1).plusMonths(MONTH.incrementAndGet()).toString();
    }

    private String draftBulletin() {
        String month = freshMonth();
        expectCreated(call(TestAccounts.username(Role.BUREAU_OFFICE), HttpMethod.POST, "/api/bulletins",
                "{\"month\":\"" + month + "\"}"));
        return month;
    }

    private String signedBulletin() {
        String month = draftBulletin();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> entry = http.withBasicAuth(TestAccounts.username(Role.BUREAU_OFFICE), TestAccounts.PASSWORD)
                .exchange("/api/bulletins/" + month + "/entries", HttpMethod.POST, new HttpEntity<>(
                        "{\"kind\":\"PROBLEM\",\"text\":\"进度滞后\",\"unitIds\":[\"unit-a\"]}", headers), Map.class);
        expectCreated(entry.getStatusCode().value());
        String location = entry.getHeaders().getLocation().toString();
        lastEntryId = location.substring(location.lastIndexOf('/') + 1);
        for (Role member : Role.SUPERVISION_GROUP) {
            expectCreated(call(TestAccounts.username(member), HttpMethod.POST, "/api/bulletins/" + month + "/sign-offs", null));
        }
        return month;
    }

    private String publishedBulletin() {
        String month = signedBulletin();
        expectCreated(call(TestAccounts.username(Role.BUREAU_OFFICE), HttpMethod.POST,
                "/api/bulletins/" + month + "/publication", null));
        return month;
    }

    private static String scoreJson() {
        return """
                {"month":"2026-03","subjectKind":"UNIT","subjectId":"unit-a","dimension":"quality","scaleMin":0,
                 "scaleMax":100,"value":80,"rationale":"按期推进"}""";
    }

    private String recordScore() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> scored = http.withBasicAuth(TestAccounts.username(Role.BUREAU_OFFICE), TestAccounts.PASSWORD)
                .exchange("/api/scores", HttpMethod.POST, new HttpEntity<>(scoreJson(), headers), Map.class);
        expectCreated(scored.getStatusCode().value());
        return (String) scored.getBody().get("id");
    }

    private String scoreWithCorrectionRequest() {
        String score = recordScore();
        expectCreated(call(TestAccounts.username(Role.ORGAN_PARTY_COMMITTEE), HttpMethod.POST,
                "/api/scores/" + score + "/correction-requests", "{\"newValue\":90,\"reason\":\"漏计\"}"));
        return score;
    }

    private String conveneMeeting() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> convened = http.withBasicAuth(TestAccounts.username(Role.BUREAU_LEADER), TestAccounts.PASSWORD)
                .exchange("/api/deliberation-meetings", HttpMethod.POST,
                        new HttpEntity<>("{\"month\":\"2026-03\",\"heldOn\":\"2026-03-30\"}", headers), Map.class);
        expectCreated(convened.getStatusCode().value());
        return (String) convened.getBody().get("id");
    }

    private static String taskForceJson(String task) {
        return """
                {"problem":"协调难","kind":"BUSINESS","area":"城市更新","leadLeaderId":"%s","memberUnitIds":["unit-a"],
                 "taskIds":["%s"]}""".formatted(TestOrganisation.LEADER, task);
    }

    private String formTaskForce() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> formed = http.withBasicAuth(TestAccounts.username(Role.BUREAU_LEADER), TestAccounts.PASSWORD)
                .exchange("/api/task-forces", HttpMethod.POST, new HttpEntity<>(taskForceJson(assignTask()), headers),
                        Map.class);
        expectCreated(formed.getStatusCode().value());
        return (String) formed.getBody().get("id");
    }

    private String taskForceWithOpinion() {
        String taskForce = formTaskForce();
        expectCreated(call(TestAccounts.username(Role.BUREAU_LEADER), HttpMethod.POST,
                "/api/task-forces/" + taskForce + "/feasibility-opinions", "{\"opinion\":\"可行\"}"));
        return taskForce;
    }

    private String referredTaskForce() {
        String taskForce = taskForceWithOpinion();
        expectCreated(call(TestAccounts.username(Role.BUREAU_LEADER), HttpMethod.POST,
                "/api/task-forces/" + taskForce + "/referrals", "{\"meeting\":\"BUREAU_AFFAIRS_MEETING\"}"));
        return taskForce;
    }

    private static void expectCreated(int status) {
        assertThat(status).as("set-up request").isEqualTo(201);
    }
}
