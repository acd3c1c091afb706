package ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ledger.command.TestOrganisation;
import ledger.command.task.DeadlineWatch;
import ledger.kernel.security.Role;
import ledger.query.QuerySideApplication;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.storeserver.EmbeddedStoreServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The deliberation meeting (局长议事会) and task force (工作难题专班) pages through the real HTTP stack of both
 * services on one embedded store, per role: what each sees and may do, the command side's refusals in Chinese,
 * a meeting from convening to its minutes and a task force from formation to dissolution.
 * With {@code -Dledger.web.snapshots=DIR} the pages are also kept as HTML (styles inlined) for screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.bcrypt-strength=4", "ledger.deadlines.check-interval=1h"})
class MeetingPagesTest {

    static final EmbeddedStoreServer STORE = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    static ConfigurableApplicationContext querySide;
    private static final Pattern MEETING_ID = Pattern.compile("/meetings/(meeting-[^?/\"]+)");
    private static final Pattern TASK_FORCE_ID = Pattern.compile("/task-forces/(tf-[^?/\"]+)");

    @LocalServerPort
    int commandPort;
    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    DeadlineWatch watch;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("ledger.store.uri", STORE::connectionString);
        registry.add("ledger.store.database", () -> "meeting-pages");
    }

    @BeforeEach
    void organisation() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
        if (querySide == null) {
            querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                    .run("--ledger.store.uri=" + STORE.connectionString(), "--ledger.store.database=meeting-pages",
                            "--server.port=0", "--ledger.security.bcrypt-strength=4",
                            "--ledger.web.command-url=http://localhost:" + commandPort);
        }
    }

    @AfterAll
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
        STORE.close();
    }

    private String base() {
        return "http://localhost:" + querySide.getEnvironment().getProperty("local.server.port");
    }

    private PageBrowser as(Role role) throws Exception {
        return new PageBrowser(base()).signIn(role);
    }

    private String assignTask(String title, String month, String due) throws Exception {
        ResponseEntity<Map> assigned = http.withBasicAuth(TestAccounts.username(Role.BUREAU_LEADER), TestAccounts.PASSWORD)
                .postForEntity("/api/tasks", Map.of("title", title, "source", "PARTY_GROUP_MEETING",
                        "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_A,
                        "dueDate", due, "ledgerMonth", month), Map.class);
        assertThat(assigned.getStatusCode().value()).isEqualTo(201);
        String id = (String) assigned.getBody().get("id");
        // the pages that follow read the task without a position: wait here until the views hold it
        assertThat(new PageBrowser(base()).signIn(Role.BUREAU_LEADER)
                .get("/tasks/" + id + "?minPosition=" + assigned.getBody().get("position")).statusCode()).isEqualTo(200);
        return id;
    }

    private static String id(Pattern pattern, HttpResponse<String> redirect) {
        Matcher matcher = pattern.matcher(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(matcher.find()).as("redirect to the new page").isTrue();
        return matcher.group(1);
    }

    @Test
    void a_meeting_reviews_a_red_task_assigns_next_months_task_closes_and_prints_its_minutes() throws Exception {
        // May's ledger: one task long overdue (red once the watch looks), one due next year (green)
        String gas = assignTask("燃气管网隐患整治", "2026-05", "2026-05-25");
        assignTask("物业服务质量提升", "2026-05", "2099-06-20");
        watch.check();

        PageBrowser leader = as(Role.BUREAU_LEADER);
        PageBrowser staff = as(Role.UNIT_STAFF);
        assertThat(staff.get("/meetings").body()).contains("局长议事会", "历次会议").doesNotContain("id=\"form-convene\"");
        assertThat(leader.get("/").body()).contains("href=\"/meetings\"", "href=\"/task-forces\"");

        HttpResponse<String> badMonth = leader.submit("/meetings", "/meetings", Map.of("month", "", "heldOn", "2026-05-28"));
        assertThat(badMonth.statusCode()).isEqualTo(400);
        assertThat(badMonth.body()).contains("此项必须填写。");
        HttpResponse<String> convened = leader.submit("/meetings", "/meetings",
                Map.of("month", "2026-05", "heldOn", "2026-05-28"));
        String meeting = id(MEETING_ID, convened);
        String page = leader.follow(convened).body();
        assertThat(page).contains("2026-05局长议事会", "进行中", "滞后任务（1项）", "燃气管网隐患整治", "张副局长",
                "测试处室 unit-a", "另有 1 项任务", "id=\"form-assign\"", "id=\"form-close\"")
                .doesNotContain("物业服务质量提升</a>");

        // the page's own checks, then a rule of the meeting, each in Chinese beside the form, typing kept
        String path = "/meetings/" + meeting;
        HttpResponse<String> empty = leader.submit(path, path + "/reviews",
                Map.of("taskId", gas, "causes", " ", "countermeasures", "先行整改"));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("此项必须填写。", "先行整改");
        HttpResponse<String> tooEarly = leader.submit(path, path + "/assignments", List.of(Map.entry("title", "加装电梯试点"),
                Map.entry("leadLeaderId", TestOrganisation.LEADER), Map.entry("leadUnitId", TestAccounts.UNIT_A),
                Map.entry("dueDate", "2026-05-30")));
        assertThat(tooEarly.statusCode()).isEqualTo(409);
        assertThat(tooEarly.body()).contains("会上交办的任务，完成时限不能早于所属月份的开始。", "value=\"加装电梯试点\"");
        HttpResponse<String> noLead = leader.submit(path, path + "/assignments", Map.of("title", "加装电梯试点",
                "leadLeaderId", "", "leadUnitId", TestAccounts.UNIT_A, "dueDate", "2026-06-30"));
        assertThat(noLead.statusCode()).isEqualTo(400);
        assertThat(noLead.body()).contains("id=\"error-leadLeaderId\"");

        String reviewed = leader.follow(leader.submit(path, path + "/reviews",
                Map.of("taskId", gas, "causes", "管网产权不清，施工许可未办", "countermeasures", "由燃气公司先行整改，6月10日前完成"))).body();
        assertThat(reviewed).contains("已记录。", "管网产权不清，施工许可未办", "由燃气公司先行整改，6月10日前完成");
        HttpResponse<String> again = leader.submit(path, path + "/reviews",
                Map.of("taskId", gas, "causes", "再议", "countermeasures", "再议"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("本次会议已研究过这项任务。");

        String assigned = leader.follow(leader.submit(path, path + "/assignments", List.of(Map.entry("title", "加装电梯试点"),
                Map.entry("description", "完成20台"), Map.entry("leadLeaderId", TestOrganisation.LEADER),
                Map.entry("leadUnitId", TestAccounts.UNIT_A), Map.entry("coUnitIds", TestAccounts.UNIT_B),
                Map.entry("dueDate", "2026-06-30")))).body();
        assertThat(assigned).contains("部署2026-06重点工作", "加装电梯试点", "完成20台", "测试处室 unit-b");

        // everyone of the bureau may read the meeting; only bureau leaders act in it
        String seenByStaff = staff.get(path).body();
        assertThat(seenByStaff).contains("管网产权不清，施工许可未办", "加装电梯试点")
                .doesNotContain("id=\"form-assign\"", "id=\"form-close\"", "name=\"causes\"");
        assertThat(as(Role.DISCIPLINE_INSPECTION).get(path).body()).contains("燃气管网隐患整治")
                .doesNotContain("id=\"form-close\"");
        HttpResponse<String> staffTries = staff.submit(path, path + "/closure", Map.of());
        assertThat(staffTries.statusCode()).isEqualTo(403);

        String closed = leader.follow(leader.submit(path, path + "/closure", Map.of())).body();
        assertThat(closed).contains("已结束").doesNotContain("id=\"form-assign\"", "id=\"form-close\"");

        HttpResponse<String> minutes = staff.get(path + "/minutes");
        assertThat(minutes.statusCode()).isEqualTo(200);
        assertThat(minutes.body()).contains("2026-05局长议事会纪要", "会议日期：2026年5月28日", "一、滞后任务的原因及对策措施",
                "管网产权不清，施工许可未办", "二、部署2026-06重点工作", "加装电梯试点", "张副局长", "测试处室 unit-a",
                "2026年6月30日", "data-print")
                .doesNotContain(">" + TestAccounts.UNIT_A + "<", ">" + TestOrganisation.LEADER + "<");
        assertThat(staff.get("/meetings").body()).contains("href=\"/meetings/" + meeting + "\"", "已结束");

        // the meeting's task becomes June's key task in the ledger
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> staff.get("/ledger/2026-06").body().contains("加装电梯试点"));
        snapshot("meeting", leader.get(path).body());
        snapshot("meeting-minutes", minutes.body());
    }

    @Test
    void a_task_force_from_formation_through_opinion_referral_and_decision_to_dissolution() throws Exception {
        String task = assignTask("老旧小区燃气管道更新", "2026-09", "2099-09-30");
        PageBrowser leader = as(Role.BUREAU_LEADER);
        PageBrowser staff = as(Role.UNIT_STAFF);
        PageBrowser office = as(Role.BUREAU_OFFICE);

        assertThat(staff.get("/tasks/" + task).body()).doesNotContain("/task-forces/new");
        assertThat(staff.get("/task-forces/new?taskId=" + task).statusCode()).isEqualTo(403);
        assertThat(leader.get("/tasks/" + task).body()).contains("/task-forces/new?taskId=" + task);
        String newPage = "/task-forces/new?taskId=" + task;
        assertThat(leader.get(newPage).body()).contains("老旧小区燃气管道更新", "人事类难题：由分管人事的局领导牵头",
                "业务类难题：由分管该领域的局领导牵头", "城市更新、建筑市场", "您不分管人事。");

        // the lead rule is the task force's: this leader is not in charge of personnel, nor of 人事
        HttpResponse<String> personnel = leader.submit(newPage, "/task-forces", List.of(Map.entry("taskId", task),
                Map.entry("problem", "施工队伍人员不足"), Map.entry("kind", "PERSONNEL"),
                Map.entry("memberUnitIds", TestAccounts.UNIT_B)));
        assertThat(personnel.statusCode()).isEqualTo(409);
        assertThat(personnel.body()).contains("人事类专班须由分管人事的局领导牵头。", "施工队伍人员不足");
        HttpResponse<String> otherArea = leader.submit(newPage, "/task-forces", List.of(Map.entry("taskId", task),
                Map.entry("problem", "管道产权不清"), Map.entry("kind", "BUSINESS"), Map.entry("area", "住房保障")));
        assertThat(otherArea.statusCode()).isEqualTo(409);
        assertThat(otherArea.body()).contains("业务类专班须由分管该领域的局领导牵头。");

        HttpResponse<String> formed = leader.submit(newPage, "/task-forces", List.of(Map.entry("taskId", task),
                Map.entry("problem", "管道产权不清，燃气公司与小区互相推诿"), Map.entry("kind", "BUSINESS"),
                Map.entry("area", "城市更新"), Map.entry("memberUnitIds", TestAccounts.UNIT_B)));
        String taskForce = id(TASK_FORCE_ID, formed);
        String path = "/task-forces/" + taskForce;
        assertThat(leader.follow(formed).body()).contains("管道产权不清，燃气公司与小区互相推诿", "业务类难题（城市更新）",
                "张副局长", "测试处室 unit-b", "老旧小区燃气管道更新", "工作中", "id=\"form-meeting\"",
                "id=\"form-opinion\"", "id=\"form-dissolve\"").doesNotContain("id=\"form-referral\"", "id=\"form-decision\"");

        // the task page links to the task force it is escalated to
        assertThat(staff.get("/tasks/" + task).body()).contains("href=\"" + path + "\"", "所在专班");

        leader.follow(leader.submit(path, path + "/meetings",
                Map.of("heldOn", "2026-09-03", "minutes", "议定由燃气公司先行更换主管道")));
        // referring needs the opinion first: the task force says so in Chinese
        HttpResponse<String> early = leader.submit(path, path + "/referrals", Map.of("meeting", "PARTY_GROUP_MEETING"));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("须先有专班的可行性意见，才能提交会议研究。");
        assertThat(leader.follow(leader.submit(path, path + "/opinions",
                Map.of("opinion", "燃气公司先行更换，产权随后确认，费用按比例分担"))).body())
                .contains("燃气公司先行更换，产权随后确认，费用按比例分担", "id=\"form-referral\"");
        String referred = leader.follow(leader.submit(path, path + "/referrals",
                Map.of("meeting", "PARTY_GROUP_MEETING"))).body();
        assertThat(referred).contains("已提交局党组会，待决定", java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日")
                .format(java.time.LocalDate.now(ledger.kernel.shared.BureauTime.ZONE)) + "提交局党组会研究")
                .doesNotContain("id=\"form-decision\"", "id=\"form-referral\"");

        // the bureau office records the decision; nobody else is offered the form
        assertThat(staff.get(path).body()).contains("管道产权不清").doesNotContain("id=\"form-decision\"",
                "id=\"form-meeting\"", "id=\"form-dissolve\"");
        assertThat(office.get(path).body()).contains("id=\"form-decision\"", "记录局党组会决定")
                .doesNotContain("id=\"form-meeting\"");
        HttpResponse<String> noRef = office.submit(path, path + "/decisions", Map.of("meeting", "PARTY_GROUP_MEETING",
                "decisionRef", "", "decision", "同意"));
        assertThat(noRef.statusCode()).isEqualTo(400);
        assertThat(noRef.body()).contains("此项必须填写。");
        String decided = office.follow(office.submit(path, path + "/decisions", Map.of("meeting", "PARTY_GROUP_MEETING",
                "decisionRef", "党组会〔2026〕9号", "decision", "同意先行更换，时限延至10月底", "newDueDate", "2099-10-31",
                "newLeadUnitId", TestAccounts.UNIT_B, "problemResolved", "true"))).body();
        assertThat(decided).contains("局党组会 党组会〔2026〕9号", "同意先行更换，时限延至10月底",
                "老旧小区燃气管道更新", "完成时限调整为2099-10-31", "改由测试处室 unit-b牵头办理", "难题已解决");
        // the decision flows back to the task: the ledger shows the new due date and lead unit
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> leader.get(path).body().contains("<td class=\"nowrap\">2099-10-31</td>"));

        String dissolved = leader.follow(leader.submit(path, path + "/dissolution",
                Map.of("outcome", "主管道已更换，问题解决"))).body();
        assertThat(dissolved).contains("已撤销", "主管道已更换，问题解决")
                .doesNotContain("id=\"form-meeting\"", "id=\"form-dissolve\"");
        assertThat(staff.get("/task-forces").body()).contains("管道产权不清，燃气公司与小区互相推诿", "已撤销");
        snapshot("task-force", dissolved);
    }

    @Test
    void the_meeting_and_task_force_records_are_read_through_the_api_by_the_bureaus_staff_only() {
        TestRestTemplate queries = new TestRestTemplate(new RestTemplateBuilder().rootUri(base()));
        for (String resource : List.of("/api/meetings", "/api/task-forces")) {
            assertThat(queries.withBasicAuth(TestAccounts.username(Role.UNIT_STAFF), TestAccounts.PASSWORD)
                    .getForEntity(resource, List.class).getStatusCode().value()).isEqualTo(200);
            assertThat(queries.withBasicAuth(TestAccounts.username(Role.API_CLIENT), TestAccounts.PASSWORD)
                    .getForEntity(resource, Map.class).getStatusCode().value()).isEqualTo(403);
            assertThat(queries.getForEntity(resource, Map.class).getStatusCode().value()).isEqualTo(401);
        }
        assertThat(queries.withBasicAuth(TestAccounts.username(Role.BUREAU_OFFICE), TestAccounts.PASSWORD)
                .getForEntity("/api/meetings/meeting-unknown", Map.class).getStatusCode().value()).isEqualTo(404);
    }

    /** Keeps a page for a screenshot, its style sheet inlined (a file has no session to fetch it with). */
    private void snapshot(String name, String html) throws Exception {
        String dir = System.getProperty("ledger.web.snapshots");
        if (dir == null) {
            return;
        }
        String css = new PageBrowser(base()).get("/css/ledger.css").body();
        String page = html.replaceAll("<link rel=\"stylesheet\"[^>]*>", "<style>" + Matcher.quoteReplacement(css)
                + "</style>").replaceAll("<script[^>]*></script>", "");
        Files.createDirectories(Path.of(dir));
        Files.writeString(Path.of(dir, name + ".html"), page);
    }
}
