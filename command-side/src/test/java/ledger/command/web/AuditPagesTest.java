package ledger.command.web;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import ledger.command.TestOrganisation;
import ledger.command.audit.AuditNotary;
import ledger.kernel.security.Role;
import ledger.kernel.shared.BureauTime;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.store.MongoEventStorageEngine;
import ledger.store.StoreConnection;
import ledger.storeserver.EmbeddedStoreServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 审计: the discipline inspection group's workbench through the real HTTP stack of both services on one
 * embedded store: who sees it, search with names, a timeline as it stood at a date, and verifying the whole
 * log, clean and after a stored event was altered directly in the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.bcrypt-strength=4",
        // the test notarizes when it wants to (one checkpoint per pass), never in the middle of a tampering
        "ledger.audit.notary-interval=1h", "ledger.audit.checkpoint-entries=1"})
class AuditPagesTest {

    static final EmbeddedStoreServer STORE = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    static final java.nio.file.Path DATA = ledger.command.DataFolders.fresh("audit-pages");
    static ConfigurableApplicationContext querySide;

    @LocalServerPort
    int commandPort;
    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    AuditNotary notary;
    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    MongoClient client;
    @Autowired
    StoreConnection connection;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("ledger.store.uri", STORE::connectionString);
        registry.add("ledger.store.database", () -> "audit-pages");
        registry.add("ledger.store.data-dir", DATA::toString);
    }

    @BeforeEach
    void organisation() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
        if (querySide == null) {
            querySide = QuerySideForPages.start(STORE, "audit-pages", commandPort);
        }
    }

    @AfterAll
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
        STORE.close();
    }

    private PageBrowser browser() {
        return QuerySideForPages.browser(querySide);
    }

    /** A task assigned through the API; its id and the position of its first event. */
    private Map<String, Object> assignTask(String title) {
        ResponseEntity<Map> assigned = http.withBasicAuth(TestAccounts.username(Role.BUREAU_LEADER), TestAccounts.PASSWORD)
                .postForEntity("/api/tasks", Map.of("title", title, "source", "PARTY_GROUP_MEETING",
                        "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_A,
                        "dueDate", "2026-09-28", "ledgerMonth", "2026-09"), Map.class);
        assertThat(assigned.getStatusCode().value()).isEqualTo(201);
        return assigned.getBody();
    }

    @Test
    void only_the_discipline_inspection_group_sees_the_workbench_and_others_get_a_chinese_refusal() throws Exception {
        PageBrowser auditor = browser().signIn(Role.DISCIPLINE_INSPECTION);
        assertThat(auditor.get("/").body()).contains("href=\"/audit\"").doesNotContain("href=\"/admin\"");
        HttpResponse<String> workbench = auditor.get("/audit");
        assertThat(workbench.statusCode()).isEqualTo(200);
        assertThat(workbench.body()).contains("审计工作台", "检索事件", "校验全部日志", "导出全部签名存证点", "下载签名公钥",
                "篡改警报");

        for (Role other : List.of(Role.UNIT_STAFF, Role.BUREAU_LEADER, Role.PERSONNEL_OFFICE, Role.ADMIN)) {
            PageBrowser someone = browser().signIn(other);
            assertThat(someone.get("/").body()).as("%s's navigation", other).doesNotContain("href=\"/audit\"");
            for (String page : List.of("/audit", "/audit/timeline", "/audit/checkpoints", "/audit/public-key")) {
                HttpResponse<String> refused = someone.get(page);
                assertThat(refused.statusCode()).as("%s opening %s", other, page).isEqualTo(403);
                assertThat(refused.body()).contains("您的角色无权进行此项操作。").doesNotContain("Exception", "at ledger.");
            }
        }
    }

    @Test
    void the_administrator_sees_accounts_processors_with_their_state_and_dead_letters_and_nobody_else_does()
            throws Exception {
        HttpResponse<String> admin = browser().signIn(Role.ADMIN).get("/admin");
        assertThat(admin.statusCode()).isEqualTo(200);
        // the whole page renders: the processors' states and the dead-letter section after them
        assertThat(admin.body()).contains("系统管理", "视图处理器", "ledger").containsAnyOf("已追上", "处理中", "重建中", "出错", "不在本实例运行")
                .contains("死信（视图未能处理的事件）", "</html>");
        assertThat(browser().signIn(Role.DISCIPLINE_INSPECTION).get("/admin").statusCode()).isEqualTo(403);
    }

    @Test
    void the_administrator_opens_disables_enables_and_resets_an_account_and_each_change_holds_on_both_services()
            throws Exception {
        QuerySideForPages.awaitCadre(querySide, http.withBasicAuth(TestAccounts.username(Role.PERSONNEL_OFFICE),
                TestAccounts.PASSWORD).postForEntity("/api/cadres", Map.of("cadreId", "cadre-admin-page", "name", "王芳",
                "unitId", TestAccounts.UNIT_A, "position", "科员", "partyMember", false, "since", "2025-03-01"), Map.class));
        PageBrowser admin = browser().signIn(Role.ADMIN);
        HttpResponse<String> page = admin.get("/admin");
        assertThat(page.body()).as("the new cadre is in the person picker by name").contains("王芳（测试处室 unit-a）")
                .as("the first-start administrator has no recorded person: said, not an id").contains("系统账号，无登记人员")
                .doesNotContain("〔");

        HttpResponse<String> unrecorded = admin.submit("/admin", "/admin/accounts", Map.of("username", "ghost",
                "displayName", "无此人", "personId", "cadre-does-not-exist", "role", "UNIT_STAFF",
                "unitId", TestAccounts.UNIT_A));
        assertThat(unrecorded.statusCode()).isBetween(400, 499);
        assertThat(unrecorded.body()).contains("开通账号").doesNotContain("new-password", "Exception");

        HttpResponse<String> opened = admin.submit("/admin", "/admin/accounts", Map.of("username", "wangfang",
                "displayName", "王芳", "personId", "cadre-admin-page", "role", "UNIT_STAFF", "unitId", TestAccounts.UNIT_A));
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("账号 wangfang 已开通", "此密码只显示这一次");
        assertThat(opened.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String first = newPassword(opened.body());
        assertSignsIn("wangfang", first, true);
        assertThat(admin.get("/admin").body()).as("the password is never shown again").doesNotContain(first);

        assertThat(admin.submit("/admin", "/admin/accounts/wangfang/disablement", Map.of()).statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin?done=disablement&subject=wangfang").body()).contains("账号 wangfang 已停用");
        assertSignsIn("wangfang", first, false);

        assertThat(admin.submit("/admin", "/admin/accounts/wangfang/enablement", Map.of()).statusCode()).isEqualTo(302);
        assertSignsIn("wangfang", first, true);

        HttpResponse<String> reset = admin.submit("/admin", "/admin/accounts/wangfang/password-reset", Map.of());
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.body()).contains("账号 wangfang 的密码已重置");
        String second = newPassword(reset.body());
        assertThat(second).isNotEqualTo(first);
        assertSignsIn("wangfang", first, false);
        assertSignsIn("wangfang", second, true);
    }

    private static String newPassword(String page) {
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("id=\"new-password\">([^<]+)<").matcher(page);
        assertThat(shown.find()).as("the new password is shown").isTrue();
        return shown.group(1);
    }

    /** The pages' sign-in and HTTP Basic on both services agree, at once, on whether a password opens the account. */
    private void assertSignsIn(String username, String password, boolean expected) throws Exception {
        String location = browser().signIn(username, password).headers().firstValue("Location").orElse("");
        assertThat(!location.contains("error")).as("the pages' sign-in of %s", username).isEqualTo(expected);
        int command = http.withBasicAuth(username, password).getForEntity("/api/me", Map.class).getStatusCode().value();
        int query = new TestRestTemplate(username, password).getForEntity("http://localhost:"
                + querySide.getEnvironment().getProperty("local.server.port") + "/api/me", Map.class).getStatusCode().value();
        assertThat(List.of(command, query)).as("/api/me on the command and the query side")
                .isEqualTo(expected ? List.of(200, 200) : List.of(401, 401));
    }

    @Test
    void auditors_search_by_actor_type_and_subject_with_names_and_browse_a_timeline_as_it_stood() throws Exception {
        Map<String, Object> task = assignTask("危旧房屋排查整治");
        String taskId = (String) task.get("id");
        long assignedAt = ((Number) task.get("position")).longValue();
        ResponseEntity<Map> progress = http.withBasicAuth(TestAccounts.username(Role.UNIT_STAFF), TestAccounts.PASSWORD)
                .postForEntity("/api/tasks/" + taskId + "/progress-reports",
                        Map.of("percent", 40, "narrative", "已排查全部城区"), Map.class);
        assertThat(progress.getStatusCode().value()).isEqualTo(201);
        long reportedAt = ((Number) progress.getBody().get("position")).longValue();
        PageBrowser auditor = browser().signIn(Role.DISCIPLINE_INSPECTION);

        HttpResponse<String> then = auditor.get("/audit/timeline?subject=" + taskId + "&asOfPosition=" + assignedAt);
        assertThat(then.statusCode()).isEqualTo(200);
        assertThat(then.body()).contains("任务：危旧房屋排查整治 的时间线", "当时的状态", "正常推进", "尚未报告进展",
                "此后另有 1 条事件未显示", "张副局长").doesNotContain("已排查全部城区");
        HttpResponse<String> now = auditor.get("/audit/timeline?subject=" + taskId);
        assertThat(now.body()).contains("40%：已排查全部城区", "处室工作人员", "报告进展");

        LocalDate today = BureauTime.dayOf(Instant.now());
        HttpResponse<String> yesterday = auditor.get("/audit/timeline?subject=" + taskId + "&asOf=" + today.minusDays(1));
        assertThat(yesterday.body()).contains("该时刻之前还没有这一对象的事件").doesNotContain("已排查全部城区");
        HttpResponse<String> ofToday = auditor.get("/audit/timeline?subject=" + taskId + "&asOf=" + today);
        assertThat(ofToday.body()).contains("当天结束时的记录", "此后另有 0 条事件未显示", "40%：已排查全部城区");

        HttpResponse<String> byActor = auditor.get("/audit?actor=" + TestOrganisation.LEADER
                + "&types=TaskAssignedEvent&minPosition=" + reportedAt);
        assertThat(byActor.statusCode()).isEqualTo(200);
        String results = byActor.body().substring(byActor.body().indexOf("id=\"results\""));
        assertThat(results).contains("危旧房屋排查整治", "交办任务", "张副局长", "asOfPosition=" + assignedAt)
                .doesNotContain("报告进展", ">" + TestOrganisation.LEADER + "<");
        HttpResponse<String> concerning = auditor.get("/audit?concerning=" + taskId + "&types=ProgressReportedEvent");
        String found = concerning.body().substring(concerning.body().indexOf("id=\"results\""));
        assertThat(found).contains("报告进展", "处室工作人员", "asOfPosition=" + reportedAt).doesNotContain("交办任务");
        assertThat(auditor.get("/audit?from=" + today.plusDays(1)).body()).contains("没有符合条件的事件。");
    }

    @Test
    void verify_says_the_log_is_valid_then_names_the_position_of_an_event_altered_in_the_store() throws Exception {
        long position = ((Number) assignTask("城中村改造专项督查").get("position")).longValue();
        notary.pass();
        PageBrowser auditor = browser().signIn(Role.DISCIPLINE_INSPECTION);

        assertThat(verify(auditor)).contains("校验通过：日志完整，未被篡改。").doesNotContain("校验未通过");

        MongoCollection<Document> commits = client.getDatabase(connection.database())
                .getCollection(MongoEventStorageEngine.EVENTS);
        Document original = engine.owners(position, 1).get(position);
        List<Document> events = original.getList("events", Document.class);
        int index = 0;
        while (((Number) events.get(index).get("position")).longValue() != position) {
            index++;
        }
        commits.updateOne(eq("_id", original.get("_id")),
                Updates.set("events." + index + ".payload.title", "城中村改造专项督查（已改）"));
        try {
            String verdict = verify(auditor);

            assertThat(verdict).contains("校验未通过：日志自第 " + position + " 号位置起被篡改。",
                    "第 " + position + " 号事件与存证时的内容不一致", "position " + position + " is not what was notarized")
                    .doesNotContain("校验通过");
        } finally {
            commits.replaceOne(eq("_id", original.get("_id")), original); // the store is shared by this class's tests
        }
        assertThat(verify(auditor)).contains("校验通过：日志完整，未被篡改。");
    }

    /** Starts a verification from the workbench and follows its page until the verdict is there. */
    private static String verify(PageBrowser auditor) throws Exception {
        HttpResponse<String> started = auditor.submit("/audit", "/audit/verifications", Map.of());
        String page = started.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(page).startsWith("/audit/verifications/");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            String body = auditor.get(page).body();
            if (!body.contains("正在校验") || System.nanoTime() > deadline) {
                assertThat(body).contains("id=\"verdict\"");
                return body;
            }
            // the page's own polling interval is one second; a test asks more often
            Thread.sleep(100);
        }
    }
}
