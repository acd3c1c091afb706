package ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ledger.command.TestOrganisation;
import ledger.kernel.security.Role;
import ledger.query.QuerySideApplication;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.storeserver.EmbeddedStoreServer;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web application through the real HTTP stack of both services on one embedded store: sign-in with a
 * session and CSRF, pages in Chinese with names, a form forwarded to the command side as the signed-in
 * person, the refusal shown in Chinese, the export, and a session that outlives a query-side restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.security.bcrypt-strength=4")
class WebApplicationTest {

    static final EmbeddedStoreServer STORE = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    static ConfigurableApplicationContext querySide;

    @LocalServerPort
    int commandPort;
    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("ledger.store.uri", STORE::connectionString);
        registry.add("ledger.store.database", () -> "web");
    }

    @BeforeEach
    void organisation() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
        if (querySide == null) {
            startQuerySide();
        }
    }

    private void startQuerySide() {
        querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                .run("--ledger.store.uri=" + STORE.connectionString(), "--ledger.store.database=web",
                        "--server.port=0", "--ledger.security.bcrypt-strength=4",
                        "--ledger.web.command-url=http://localhost:" + commandPort);
    }

    @AfterAll
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
        STORE.close();
    }

    private PageBrowser browser() {
        return new PageBrowser(() -> "http://localhost:" + querySide.getEnvironment().getProperty("local.server.port"));
    }

    private String assignTask(String title, String month) {
        ResponseEntity<Map> assigned = http.withBasicAuth(TestAccounts.username(Role.BUREAU_LEADER), TestAccounts.PASSWORD)
                .postForEntity("/api/tasks", Map.of("title", title, "source", "PARTY_GROUP_MEETING",
                        "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_A,
                        "coUnitIds", java.util.List.of(TestAccounts.UNIT_B),
                        "dueDate", month + "-28", "ledgerMonth", month), Map.class);
        assertThat(assigned.getStatusCode().value()).isEqualTo(201);
        String id = (String) assigned.getBody().get("id");
        // the page reads its own write the way a page after a form does
        return id + "?minPosition=" + assigned.getBody().get("position");
    }

    @Test
    void pages_need_a_session_and_forms_need_their_csrf_token() throws Exception {
        PageBrowser browser = browser();
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> signIn = browser.get("/login");
        assertThat(signIn.body()).contains("登录", "用户名", "密码");

        HttpResponse<String> withoutToken = browser.post("/login",
                Map.of("username", TestAccounts.username(Role.UNIT_STAFF), "password", TestAccounts.PASSWORD));
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        HttpResponse<String> wrong = browser.submit("/login", "/login",
                Map.of("username", TestAccounts.username(Role.UNIT_STAFF), "password", "not-the-password"));
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).contains("error=refused");
        assertThat(browser.get("/login?error=refused").body()).contains("用户名或密码不正确");

        browser.signIn(Role.UNIT_STAFF);
        String taskPage = assignTask("老旧小区加装电梯", "2026-07");
        HttpResponse<String> task = browser.get("/tasks/" + taskPage);
        assertThat(task.statusCode()).isEqualTo(200);
        String taskId = taskPage.substring(0, taskPage.indexOf('?'));
        HttpResponse<String> forged = browser.post("/tasks/" + taskId + "/progress",
                Map.of("percent", "20", "narrative", "未带令牌"));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void unit_staff_report_progress_through_the_page_and_read_it_back_with_names() throws Exception {
        String taskPage = assignTask("城镇老旧小区改造", "2026-06");
        PageBrowser staff = browser().signIn(Role.UNIT_STAFF);
        String taskId = taskPage.substring(0, taskPage.indexOf('?'));

        HttpResponse<String> page = staff.get("/tasks/" + taskPage);
        assertThat(page.body()).contains("城镇老旧小区改造", "测试处室 unit-a", "张副局长", "报告进展", "党组会议")
                .doesNotContain(">" + TestAccounts.UNIT_A + "<");

        HttpResponse<String> empty = staff.submit("/tasks/" + taskId, "/tasks/" + taskId + "/progress",
                Map.of("percent", "", "narrative", "  "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("此项必须填写。");

        HttpResponse<String> sent = staff.submit("/tasks/" + taskId, "/tasks/" + taskId + "/progress",
                Map.of("percent", "35", "narrative", "已完成12个小区的摸底"));
        assertThat(sent.statusCode()).isEqualTo(302);
        String after = sent.headers().firstValue("Location").orElseThrow();
        assertThat(after).contains("minPosition=");
        HttpResponse<String> shown = staff.get(after.replaceFirst("^https?://[^/]+", ""));
        assertThat(shown.body()).contains("已提交", "35%：已完成12个小区的摸底", "报告进展");

        // the rule lives in the aggregate; the page shows its refusal in Chinese, keeping what was typed
        HttpResponse<String> backwards = staff.submit("/tasks/" + taskId, "/tasks/" + taskId + "/progress",
                Map.of("percent", "10", "narrative", "倒退的进度"));
        assertThat(backwards.statusCode()).isEqualTo(409);
        assertThat(backwards.body()).contains("进度不能低于上次报告的百分比。", "倒退的进度");

        HttpResponse<String> ledger = staff.get("/ledger/2026-06");
        assertThat(ledger.body()).contains("2026-06工作台账", "城镇老旧小区改造", "测试处室 unit-a", "测试处室 unit-b",
                "35%：已完成12个小区的摸底");

        HttpResponse<byte[]> xlsx = staff.getBytes("/ledger/2026-06/export.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("任务");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("城镇老旧小区改造");
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("测试处室 unit-a");
        }
        HttpResponse<byte[]> csv = staff.getBytes("/ledger/2026-06/export.csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"序号\"").contains("\"城镇老旧小区改造\"");

        HttpResponse<String> home = staff.get("/");
        assertThat(home.body()).contains("我的待办");
        // still open in July, June's task is carried over into July's ledger, marked
        assertThat(staff.get("/ledger/2026-07").body()).contains("城镇老旧小区改造", "结转（2026-06交办）");
        HttpResponse<String> english = staff.get("/ledger/2026-06?lang=en");
        assertThat(english.body()).contains("Ledger of 2026-06", "Latest progress");
    }

    @Test
    void only_the_actions_a_person_may_take_are_shown() throws Exception {
        String taskPage = assignTask("保障性租赁住房筹集", "2026-08");
        assertThat(browser().signIn(Role.UNIT_STAFF).get("/tasks/" + taskPage).body())
                .contains("报告进展", "申请完成").doesNotContain("核验完成申请", "决定时限调整申请");
        assertThat(browser().signIn(Role.BUREAU_OFFICE).get("/tasks/" + taskPage).body())
                .doesNotContain("id=\"form-progress\"", "id=\"form-claim\"");
        PageBrowser leader = browser().signIn(Role.BUREAU_LEADER);
        assertThat(leader.get("/tasks/new").body()).contains("交办任务", "张副局长");
        assertThat(browser().signIn(Role.UNIT_STAFF).get("/tasks/new").statusCode()).isEqualTo(403);
    }

    @Test
    void the_lead_unit_signs_the_office_urges_and_the_unit_replies_through_the_pages() throws Exception {
        String taskPage = assignTask("既有建筑节能改造", "2026-09");
        String taskId = taskPage.substring(0, taskPage.indexOf('?'));
        PageBrowser staff = browser().signIn(Role.UNIT_STAFF);
        assertThat(staff.get("/tasks/" + taskPage).body()).contains("未签收", "id=\"form-receipt\"")
                .doesNotContain("id=\"form-urging\"", "id=\"form-reply\"");
        assertThat(staff.get("/?" + taskPage.substring(taskPage.indexOf('?') + 1)).body())
                .contains("待签收的任务", "既有建筑节能改造");

        HttpResponse<String> received = staff.submit("/tasks/" + taskId, "/tasks/" + taskId + "/receipt", Map.of());
        assertThat(received.statusCode()).isEqualTo(302);
        String afterReceipt = staff.get(received.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "")).body();
        assertThat(afterReceipt).contains("已签收（").doesNotContain("id=\"form-receipt\"");

        PageBrowser office = browser().signIn(Role.BUREAU_OFFICE);
        String replyBy = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(5).toString();
        HttpResponse<String> urged = office.submit("/tasks/" + taskId, "/tasks/" + taskId + "/urging-notice",
                Map.of("reason", "进度滞后于节点", "expectation", "说明原因并报送整改措施", "replyBy", replyBy));
        assertThat(urged.statusCode()).isEqualTo(302);
        String position = urged.headers().firstValue("Location").orElseThrow().replaceFirst(".*minPosition=", "");
        assertThat(office.get("/ledger/2026-09?minPosition=" + position).body())
                .contains("督办1次", "待回复：进度滞后于节点", replyBy + "前回复");

        String staffPage = staff.get("/tasks/" + taskId + "?minPosition=" + position).body();
        assertThat(staffPage).contains("id=\"form-reply\"", "待回复").doesNotContain("id=\"form-urging\"");
        assertThat(staff.get("/?minPosition=" + position).body()).contains("待回复的督办通知");
        HttpResponse<String> replied = staff.submit("/tasks/" + taskId, "/tasks/" + taskId + "/urging-reply",
                Map.of("noticeId", noticeIn(staffPage), "explanation", "设备采购延迟", "measures", "每周调度",
                        "percent", "40"));
        assertThat(replied.statusCode()).isEqualTo(302);
        String afterReplyPath = replied.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        String afterReply = staff.get(afterReplyPath).body();
        assertThat(afterReply).contains("已回复", "回复督办通知", "40%：设备采购延迟").doesNotContain("id=\"form-reply\"");

        // the ledger follows its own processor: the export waits for the reply's position like the page does
        String csv = new String(staff.getBytes("/ledger/2026-09/export.csv?minPosition="
                + afterReplyPath.replaceFirst(".*minPosition=", "")).body(), StandardCharsets.UTF_8);
        assertThat(csv).contains("\"签收\"", "\"督办\"", "\"督办1次\"").containsPattern("\"已签收（[^\"]+\"");
    }

    private static String noticeIn(String page) {
        Matcher notice = Pattern.compile("name=\"noticeId\" value=\"([^\"]+)\"").matcher(page);
        assertThat(notice.find()).as("the reply form names the open notice").isTrue();
        return notice.group(1);
    }

    @Test
    void a_forged_forwarding_hop_signs_nobody_in_on_the_command_side() {
        TestRestTemplate anonymous = http;
        var headers = new org.springframework.http.HttpHeaders();
        headers.set("Authorization", "LedgerWeb eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0LWJ1cmVhdV9sZWFkZXIifQ.forged");
        headers.set("X-Ledger-Actor", TestOrganisation.LEADER);
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        ResponseEntity<Map> answer = anonymous.exchange("/api/tasks", org.springframework.http.HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(Map.of("title", "伪造"), headers), Map.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        // nor does a token make another token: a web session starts only from a password
        ResponseEntity<Map> again = anonymous.exchange("/api/sessions", org.springframework.http.HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(Map.of(), headers), Map.class);
        assertThat(again.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void a_session_outlives_a_query_side_restart() throws Exception {
        PageBrowser staff = browser().signIn(Role.UNIT_HEAD);
        assertThat(staff.get("/").statusCode()).isEqualTo(200);
        querySide.close();
        startQuerySide();
        HttpResponse<String> home = staff.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("我的待办");
    }

    @Test
    void the_error_page_keeps_the_navigation_for_a_signed_in_person() throws Exception {
        PageBrowser staff = browser().signIn(Role.UNIT_STAFF);
        HttpResponse<String> missing = staff.get("/tasks/no-such-task");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("没有找到这个页面或这项内容。", "href=\"/ledger\"", "退出", "class=\"who\"");
        HttpResponse<String> refused = staff.get("/tasks/new");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("href=\"/ledger\"", "退出");
    }

    @Test
    void pages_speak_the_browsers_language_and_the_switch_overrides_it() throws Exception {
        PageBrowser english = browser().signIn(Role.UNIT_HEAD);
        assertThat(english.get("/", "en-GB,en;q=0.9").body()).contains("My work", "Monthly ledger", "Sign out")
                .doesNotContain("我的待办");
        assertThat(browser().signIn(Role.UNIT_HEAD).get("/", "zh-CN,zh;q=0.9,en;q=0.8").body())
                .contains("我的待办", "工作台账").doesNotContain("Monthly ledger");
        assertThat(browser().signIn(Role.UNIT_HEAD).get("/", null).body())
                .contains("我的待办", "工作台账").doesNotContain("Monthly ledger");

        // the switch wins over the browser's language, and is kept for the next pages
        assertThat(english.get("/?lang=zh_CN", "en").body()).contains("我的待办").doesNotContain("Monthly ledger");
        assertThat(english.get("/ledger/2026-06", "en").body()).contains("工作台账").doesNotContain("Monthly ledger");
        PageBrowser chinese = browser().signIn(Role.UNIT_HEAD);
        assertThat(chinese.get("/?lang=en", "zh-CN").body()).contains("My work").doesNotContain("我的待办");
        assertThat(chinese.get("/", "zh-CN").body()).contains("Monthly ledger");
    }

    private Map<?, ?> api(Role role, String path, Map<String, ?> body) {
        ResponseEntity<Map> answer = http.withBasicAuth(TestAccounts.username(role), TestAccounts.PASSWORD)
                .postForEntity(path, body, Map.class);
        assertThat(answer.getStatusCode().value()).as("%s %s", path, answer.getBody()).isEqualTo(201);
        return answer.getBody();
    }

    @Test
    void my_work_lists_rejected_claims_bulletins_to_sign_off_and_others_score_corrections() throws Exception {
        String taskPage = assignTask("住房租赁补贴发放", "2026-09");
        String taskId = taskPage.substring(0, taskPage.indexOf('?'));
        api(Role.UNIT_STAFF, "/api/tasks/" + taskId + "/completion-claims", Map.of("summary", "补贴已全部发放"));
        Map<?, ?> rejected = api(Role.BUREAU_OFFICE, "/api/tasks/" + taskId + "/completion-rejections",
                Map.of("reason", "缺少发放台账"));
        String afterRejection = "/?minPosition=" + rejected.get("position");
        for (Role unitRole : new Role[]{Role.UNIT_STAFF, Role.UNIT_HEAD}) {
            assertThat(section(browser().signIn(unitRole).get(afterRejection).body(), "被退回的完成申请"))
                    .as("%s sees the claim sent back", unitRole).contains("住房租赁补贴发放");
        }
        assertThat(browser().signIn(Role.BUREAU_OFFICE).get(afterRejection).body()).doesNotContain("被退回的完成申请");
        // claimed again, it leaves the list
        Map<?, ?> again = api(Role.UNIT_STAFF, "/api/tasks/" + taskId + "/completion-claims", Map.of("summary", "已补齐台账"));
        assertThat(browser().signIn(Role.UNIT_STAFF).get("/?minPosition=" + again.get("position")).body())
                .doesNotContain("被退回的完成申请");

        Map<?, ?> drafted = api(Role.BUREAU_OFFICE, "/api/bulletins", Map.of("month", "2026-04"));
        Map<?, ?> signed = api(Role.ORGAN_PARTY_COMMITTEE, "/api/bulletins/2026-04/sign-offs", Map.of());
        String afterSigning = "/?minPosition=" + Math.max(((Number) drafted.get("position")).longValue(),
                ((Number) signed.get("position")).longValue());
        for (Role member : new Role[]{Role.BUREAU_OFFICE, Role.DISCIPLINE_INSPECTION}) {
            assertThat(section(browser().signIn(member).get(afterSigning).body(), "待您会签的督查通报"))
                    .as("%s has not signed yet", member).contains("2026-04督查通报（草稿），已会签 1/3");
        }
        assertThat(browser().signIn(Role.ORGAN_PARTY_COMMITTEE).get(afterSigning).body())
                .as("the organ Party committee signed already").doesNotContain("待您会签的督查通报");
        assertThat(browser().signIn(Role.UNIT_STAFF).get(afterSigning).body()).doesNotContain("待您会签的督查通报");

        Map<?, ?> score = api(Role.BUREAU_OFFICE, "/api/scores", Map.of("month", "2026-04", "subjectKind", "UNIT",
                "subjectId", TestAccounts.UNIT_A, "dimension", "quality", "scaleMin", 0, "scaleMax", 100, "value", 85,
                "rationale", "按时报送"));
        Map<?, ?> asked = api(Role.BUREAU_OFFICE, "/api/scores/" + score.get("id") + "/correction-requests",
                Map.of("newValue", 90, "reason", "漏计一项加分"));
        String afterAsking = "/?minPosition=" + asked.get("position");
        assertThat(section(browser().signIn(Role.ORGAN_PARTY_COMMITTEE).get(afterAsking).body(), "待您复核的评分更正"))
                .contains("测试处室 unit-a · quality（2026-04）", "由 85 分更正为 90 分，理由：漏计一项加分");
        assertThat(browser().signIn(Role.BUREAU_OFFICE).get(afterAsking).body())
                .as("never one's own correction").doesNotContain("待您复核的评分更正");
        Map<?, ?> approved = api(Role.ORGAN_PARTY_COMMITTEE, "/api/scores/" + score.get("id") + "/correction-approvals",
                Map.of());
        assertThat(browser().signIn(Role.ORGAN_PARTY_COMMITTEE).get("/?minPosition=" + approved.get("position"))
                .body()).doesNotContain("待您复核的评分更正");
    }

    /** The text of my work's section under the heading, up to the next section. */
    private static String section(String page, String heading) {
        int at = page.indexOf(heading);
        assertThat(at).as("my work has the section %s", heading).isGreaterThan(0);
        int end = page.indexOf("<section", at);
        return page.substring(at, end < 0 ? page.length() : end);
    }
}
