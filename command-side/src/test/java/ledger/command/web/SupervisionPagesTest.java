package ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ledger.command.TestOrganisation;
import ledger.command.audit.AuditNotary;
import ledger.evidence.EvidencePackage;
import ledger.evidence.EvidenceVerifier;
import ledger.kernel.security.Role;
import ledger.query.QuerySideApplication;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.storeserver.EmbeddedStoreServer;
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
 * The supervision group's pages (督查通报, 评分) through the real HTTP stack of both services on one embedded
 * store, per role: which forms each person sees, refusals as Chinese pages, the bulletin from draft to
 * erratum and its printed page with the verification code of its evidence package, and a score corrected
 * with four eyes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.bcrypt-strength=4", "ledger.audit.checkpoint-entries=1", "ledger.audit.notary-interval=1h"})
class SupervisionPagesTest {

    static final EmbeddedStoreServer STORE = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    static ConfigurableApplicationContext querySide;
    /** A signing key of this store's own: a key whose head names another run's tree would raise a TAMPER ALARM. */
    static final java.nio.file.Path DATA = ledger.command.DataFolders.fresh("supervision-pages");
    private static final Pattern EVIDENCE = Pattern.compile("name=\"evidenceEventIds\" value=\"([^\"]+)\"");
    private static final Pattern ENTRY = Pattern.compile("name=\"entryId\" value=\"([^\"]+)\"");
    private static final Pattern SCORE = Pattern.compile("name=\"scoreId\" value=\"([^\"]+)\"");
    /** The supervision group's members, as the personnel office records them, so pages name them. */
    static final Map<Role, String> MEMBERS = Map.of(Role.BUREAU_OFFICE, "陈静", Role.ORGAN_PARTY_COMMITTEE, "赵敏",
            Role.DISCIPLINE_INSPECTION, "孙磊");

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

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("ledger.store.uri", STORE::connectionString);
        registry.add("ledger.store.database", () -> "supervision");
        registry.add("ledger.store.data-dir", DATA::toString);
    }

    @BeforeEach
    void organisation() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
        TestRestTemplate personnel = http.withBasicAuth(TestAccounts.username(Role.PERSONNEL_OFFICE), TestAccounts.PASSWORD);
        MEMBERS.forEach((role, name) -> personnel.postForEntity("/api/cadres", Map.of("cadreId", TestAccounts.personId(role),
                "name", name, "unitId", TestAccounts.UNIT_B, "position", "主任科员", "partyMember", true,
                "since", "2024-01-01"), Map.class));
        if (querySide == null) {
            querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                    .run("--ledger.store.uri=" + STORE.connectionString(), "--ledger.store.database=supervision",
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

    static String base() {
        return "http://localhost:" + querySide.getEnvironment().getProperty("local.server.port");
    }

    PageBrowser as(Role role) throws Exception {
        return new PageBrowser(SupervisionPagesTest::base).signIn(role);
    }

    /** A task of the month with a progress report, through the API (set-up the pages do not walk through). */
    private String taskWithProgress(String title, String month) {
        ResponseEntity<Map> assigned = http.withBasicAuth(TestAccounts.username(Role.BUREAU_LEADER), TestAccounts.PASSWORD)
                .postForEntity("/api/tasks", Map.of("title", title, "source", "PARTY_GROUP_MEETING",
                        "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_A,
                        "coUnitIds", List.of(), "dueDate", month + "-28", "ledgerMonth", month), Map.class);
        assertThat(assigned.getStatusCode().value()).isEqualTo(201);
        String taskId = (String) assigned.getBody().get("id");
        ResponseEntity<Map> reported = http.withBasicAuth(TestAccounts.username(Role.UNIT_STAFF), TestAccounts.PASSWORD)
                .postForEntity("/api/tasks/" + taskId + "/progress-reports",
                        Map.of("percent", 60, "narrative", "完成60户改造"), Map.class);
        assertThat(reported.getStatusCode().value()).isEqualTo(201);
        return taskId;
    }

    private static void screenshot(Role role, String path, String file, int height) throws Exception {
        PageScreenshots.take(base(), role, path, file, 1280, height);
    }

    private static String first(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertThat(matcher.find()).as("the page holds %s", pattern).isTrue();
        return matcher.group(1);
    }

    @Test
    void the_supervision_group_drafts_fills_signs_publishes_and_corrects_a_bulletin_that_prints_with_its_code()
            throws Exception {
        String month = "2026-05";
        String taskId = taskWithProgress("棚户区改造", month);
        PageBrowser office = as(Role.BUREAU_OFFICE);
        PageBrowser party = as(Role.ORGAN_PARTY_COMMITTEE);
        PageBrowser discipline = as(Role.DISCIPLINE_INSPECTION);
        PageBrowser staff = as(Role.UNIT_STAFF);

        assertThat(staff.get("/bulletins").body()).contains("督查通报").doesNotContain("id=\"form-draft\"");
        assertThat(discipline.get("/bulletins").body()).doesNotContain("id=\"form-draft\"");
        HttpResponse<String> drafted = office.submit("/bulletins", "/bulletins", Map.of("month", month));
        String page = "/bulletins/" + month;
        assertThat(office.follow(drafted).body()).contains("2026-05督查通报", "草稿", "id=\"form-entry\"",
                "id=\"form-sign\"").doesNotContain("id=\"form-publish\"");
        // a draft is the supervision group's: others are told in Chinese there is none
        HttpResponse<String> hidden = staff.get(page);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).contains("没有找到这个页面或这项内容。").doesNotContain("Exception");
        assertThat(discipline.get(page).body()).contains("id=\"form-sign\"").doesNotContain("id=\"form-entry\"");

        // tasks are picked from the month's ledger, then events from their timelines
        HttpResponse<String> listed = office.submit(page, page + "/entries", List.of(Map.entry("kind", "HIGHLIGHT"),
                Map.entry("text", "棚户区改造提前完成六成"), Map.entry("taskIds", taskId), Map.entry("step", "evidence")));
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("棚户区改造 的事件", "报告进展", "交办任务", "棚户区改造提前完成六成");
        String progressEvent = first(Pattern.compile("name=\"evidenceEventIds\" value=\"([^\"]+)\"[^>]*>\\s*<span[^>]*>第 \\d+ 号 · [^<]* · 报告进展"),
                listed.body());

        HttpResponse<String> unnamed = office.submit(page, page + "/entries",
                Map.of("kind", "PROBLEM", "text", "个别处室进度滞后"));
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(unnamed.body()).contains("工作亮点和存在问题须写明涉及的单位、干部或任务。", "个别处室进度滞后");

        HttpResponse<String> added = office.submit(page, page + "/entries", List.of(Map.entry("kind", "HIGHLIGHT"),
                Map.entry("text", "棚户区改造提前完成六成"), Map.entry("unitIds", TestAccounts.UNIT_A),
                Map.entry("cadreIds", TestOrganisation.LEADER), Map.entry("taskIds", taskId),
                Map.entry("evidenceEventIds", progressEvent)));
        String filled = office.follow(added).body();
        assertThat(filled).contains("已提交", "工作亮点", "棚户区改造提前完成六成", "测试处室 unit-a", "张副局长",
                "棚户区改造", "报告进展").doesNotContain(">" + TestOrganisation.LEADER + "<");

        // the three members sign; from the first sign-off no entry can be added
        String signed = office.follow(office.submit(page, page + "/sign-offs", Map.of())).body();
        assertThat(signed).contains("陈静").doesNotContain("id=\"form-entry\"", "id=\"form-sign\"");
        HttpResponse<String> late = party.submit(page, page + "/entries", Map.of("kind", "PROGRESS", "text", "迟到的条目"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("通报已开始会签，不能再添加条目。");
        party.follow(party.submit(page, page + "/sign-offs", Map.of()));
        assertThat(party.get(page).body()).doesNotContain("id=\"form-publish\"", "id=\"form-sign\"");
        HttpResponse<String> again = office.submit(page, page + "/sign-offs", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("督查组的这名成员已经签过。");
        String allSigned = discipline.follow(discipline.submit(page, page + "/sign-offs", Map.of())).body();
        assertThat(allSigned).contains("陈静", "赵敏", "孙磊").doesNotContain("未会签");

        String published = office.follow(office.submit(page, page + "/publication", Map.of())).body();
        assertThat(published).contains("已发布", "打印版", "下载存证包").doesNotContain("id=\"form-publish\"");
        // everyone reads it now; only the drafters correct it
        String read = staff.get(page).body();
        assertThat(read).contains("棚户区改造提前完成六成", "陈静", "赵敏", "孙磊").doesNotContain("发布更正");
        assertThat(discipline.get(page).body()).doesNotContain("发布更正");

        String entryId = first(ENTRY, office.get(page).body());
        HttpResponse<String> corrected = office.submit(page, page + "/errata", Map.of("entryId", entryId,
                "correction", "应为完成五成", "reason", "统计口径有误"));
        assertThat(office.follow(corrected).body()).contains("更正", "应为完成五成", "统计口径有误",
                "棚户区改造提前完成六成");

        // printed before the next checkpoint: the page says the code follows
        assertThat(staff.get(page + "/print").body()).contains("尚未纳入签名存证点").doesNotContain("<svg");
        notary.pass();
        HttpResponse<String> print = staff.get(page + "/print");
        assertThat(print.statusCode()).isEqualTo(200);
        assertThat(print.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(print.body()).contains("2026年5月督查通报", "二、工作亮点", "棚户区改造提前完成六成", "更正", "应为完成五成",
                "涉及单位：测试处室 unit-a", "涉及干部：张副局长", "陈静", "核验码", "<svg", "/css/print.css")
                .doesNotContain("class=\"top");

        HttpResponse<String> download = staff.get(page + "/evidence");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("evidence-bulletin-2026-05.json");
        EvidencePackage evidence = EvidencePackage.parse(download.body());
        assertThat(EvidenceVerifier.verify(evidence, null).valid()).isTrue();
        String digest = evidence.digest();
        assertThat(print.body()).contains(String.join(" ", digest.split("(?<=\\G.{8})")),
                "日志前 " + evidence.checkpoint().treeSize() + " 条");
        // the attached progress report travels in the package beside the bulletin's own events
        assertThat(evidence.entries()).anyMatch(e -> e.canonical().contains(progressEvent));
        assertThat(evidence.entries()).anyMatch(e -> e.canonical().contains("应为完成五成"));
        screenshot(Role.BUREAU_OFFICE, page, "bulletin.png", 1500);
        screenshot(Role.UNIT_STAFF, page + "/print", "bulletin-print.png", 1500);
    }

    @Test
    void a_score_correction_waits_for_a_second_member_and_both_values_stay_shown() throws Exception {
        String month = "2026-04";
        String page = "/scores/" + month;
        taskWithProgress("危旧房屋排查", month);
        PageBrowser office = as(Role.BUREAU_OFFICE);
        PageBrowser party = as(Role.ORGAN_PARTY_COMMITTEE);

        PageBrowser staff = as(Role.UNIT_STAFF);
        assertThat(staff.get("/").body()).doesNotContain("href=\"/scores\"");
        HttpResponse<String> refused = staff.get(page);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("您的角色无权进行此项操作。").doesNotContain("Exception");
        String overseen = as(Role.DISCIPLINE_INSPECTION).get(page).body();
        assertThat(overseen).contains("2026-04督查评分").doesNotContain("id=\"form-score\"");

        assertThat(office.get(page).body()).contains("id=\"form-score\"", "推进进度", "分值（0–100）", "测试处室 unit-a");
        HttpResponse<String> off = office.submit(page, page, Map.of("subject", "UNIT:" + TestAccounts.UNIT_A,
                "dimension", "progress", "value", "150", "rationale", "超出分值"));
        assertThat(off.statusCode()).isEqualTo(400);
        assertThat(off.body()).contains("请填写 0 到 100 之间的整数。", "超出分值");

        String scored = office.follow(office.submit(page, page, Map.of("subject", "UNIT:" + TestAccounts.UNIT_A,
                "dimension", "progress", "value", "85", "rationale", "按期推进，成效明显"))).body();
        assertThat(scored).contains("测试处室 unit-a", "推进进度", "<strong>85</strong>", "按期推进，成效明显", "陈静");
        String scoreId = first(SCORE, scored);

        String requested = office.follow(office.submit(page, page + "/correction-requests", Map.of("scoreId", scoreId,
                "newValue", "75", "reason", "漏计一次延期"))).body();
        assertThat(requested).contains("待审核的更正：85 → 75（漏计一次延期；陈静申请）", "须由另一名成员审核")
                .doesNotContain("同意更正");
        HttpResponse<String> ownApproval = office.submit(page, page + "/correction-approvals", Map.of("scoreId", scoreId));
        assertThat(ownApproval.statusCode()).isEqualTo(403);
        assertThat(ownApproval.body()).contains("更正须由申请人以外的另一名成员审批。");

        assertThat(party.get(page).body()).contains("同意更正");
        String approved = party.follow(party.submit(page, page + "/correction-approvals", Map.of("scoreId", scoreId)))
                .body();
        assertThat(approved).contains("<strong>75</strong>", "原评分 85", "85 → 75（漏计一次延期；陈静申请，赵敏审核同意")
                .doesNotContain("待审核的更正", "同意更正");
        office.follow(office.submit(page, page, Map.of("subject", "CADRE:" + TestOrganisation.LEADER,
                "dimension", "quality", "value", "90", "rationale", "统筹有力")));
        office.follow(office.submit(page, page + "/correction-requests", Map.of("scoreId",
                // the cadre's score is listed first (cadres before units)
                first(SCORE, office.get(page).body()),
                "newValue", "88", "reason", "复核后调整")));
        screenshot(Role.ORGAN_PARTY_COMMITTEE, page, "scores.png", 1300);
    }
}
