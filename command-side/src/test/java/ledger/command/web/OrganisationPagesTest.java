package ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ledger.command.TestOrganisation;
import ledger.kernel.security.Role;
import ledger.kernel.shared.BureauTime;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.storeserver.EmbeddedStoreServer;
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
 * 组织与人事 through the real HTTP stack of both services on one embedded store, per role: the units and
 * cadres lists, the personnel office's forms with their Chinese refusals beside the field, its writes read
 * back on the page, an assessment correction approved by a second person only, and the refusal page for a
 * role the pages are not for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.bcrypt-strength=4"})
class OrganisationPagesTest {

    static final EmbeddedStoreServer STORE = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    static ConfigurableApplicationContext querySide;
    static final String PERSONNEL_NAME = "刘洋";
    /** A signing key of this store's own: a key whose head names another run's tree would raise a TAMPER ALARM. */
    static final java.nio.file.Path DATA = ledger.command.DataFolders.fresh("organisation-pages");

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
        registry.add("ledger.store.database", () -> "organisation-pages");
        registry.add("ledger.store.data-dir", DATA::toString);
    }


    @BeforeEach
    void organisation() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
        cadre(TestAccounts.personId(Role.PERSONNEL_OFFICE), PERSONNEL_NAME, TestAccounts.UNIT_B, "人事科科长");
        if (querySide == null) {
            querySide = QuerySideForPages.start(STORE, "organisation-pages", commandPort);
        }
    }

    @AfterAll
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
        STORE.close();
    }

    /** A cadre through the API (set-up the pages do not walk through); again is harmless. */
    void cadre(String id, String name, String unit, String position) {
        ResponseEntity<Map> registered = http.withBasicAuth(TestAccounts.username(Role.PERSONNEL_OFFICE),
                TestAccounts.PASSWORD).postForEntity("/api/cadres", Map.of("cadreId", id, "name", name, "unitId", unit,
                "position", position, "partyMember", true, "since", "2024-01-01"), Map.class);
        if (querySide != null) {
            QuerySideForPages.awaitCadre(querySide, registered);
        }
    }

    PageBrowser as(Role role) throws Exception {
        return QuerySideForPages.browser(querySide).signIn(role);
    }

    /** The id of the cadre of this name, as a picker offers it. */
    private static String pickedCadre(String page, String name) {
        Matcher option = Pattern.compile("<option value=\"([^\"]+)\"[^>]*>" + name + " · ").matcher(page);
        assertThat(option.find()).as("a picker offers %s", name).isTrue();
        return option.group(1);
    }

    @Test
    void the_personnel_office_registers_transfers_and_appoints_while_others_read_or_are_refused() throws Exception {
        PageBrowser staff = as(Role.UNIT_STAFF);
        assertThat(staff.get("/").body()).doesNotContain("href=\"/organisation\"");
        HttpResponse<String> refused = staff.get("/organisation");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("您的角色无权进行此项操作。").doesNotContain("Exception");

        String read = as(Role.DISCIPLINE_INSPECTION).get("/organisation").body();
        assertThat(read).contains("href=\"/organisation\"", "机关处室", "局属单位", "驻局纪检监察组", "测试处室 unit-a",
                "张副局长", "分管：城市更新、建筑市场").doesNotContain("id=\"form-register\"", "id=\"form-transfer\"");

        PageBrowser personnel = as(Role.PERSONNEL_OFFICE);
        String page = personnel.get("/organisation").body();
        assertThat(page).contains("id=\"form-register\"", "id=\"form-transfer\"", "id=\"form-leader\"",
                "工作人员账号");
        HttpResponse<String> unnamed = personnel.submit("/organisation", "/organisation/cadres",
                Map.of("unitId", TestAccounts.UNIT_B, "position", "科长", "since", "2025-03-01"));
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(unnamed.body()).contains("id=\"error-name\"", "此项必须填写。");

        String registered = personnel.follow(personnel.submit("/organisation", "/organisation/cadres",
                Map.of("name", "李明", "unitId", TestAccounts.UNIT_B, "position", "科长", "partyMember", "true",
                        "since", "2025-03-01"))).body();
        assertThat(registered).contains("干部已登记。", "李明", "2025年3月1日");
        String liMing = pickedCadre(registered, "李明");
        assertThat(liMing).startsWith("cadre-");

        HttpResponse<String> early = personnel.submit("/organisation", "/organisation/transfers", Map.of("cadreId",
                liMing, "toUnitId", "unit-c", "position", "副处长", "effectiveOn", "2025-01-01", "reason", "工作需要"));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("调动的生效日期不能早于现任职务的开始日期。", "工作需要");
        String transferred = personnel.follow(personnel.submit("/organisation", "/organisation/transfers", Map.of(
                "cadreId", liMing, "toUnitId", "unit-c", "position", "副处长", "effectiveOn", "2026-02-01",
                "reason", "工作需要"))).body();
        assertThat(transferred).contains("调动已记录。", "李明 · 测试处室 unit-c 副处长", "2026年2月1日");

        HttpResponse<String> noAreas = personnel.submit("/organisation", "/organisation/leader-appointments",
                Map.of("cadreId", liMing, "title", "副局长", "effectiveOn", "2026-03-01"));
        assertThat(noAreas.statusCode()).isEqualTo(400);
        assertThat(noAreas.body()).contains("id=\"error-areasInCharge\"");
        String appointed = personnel.follow(personnel.submit("/organisation", "/organisation/leader-appointments",
                Map.of("cadreId", liMing, "title", "副局长", "areasInCharge", "住房保障、物业管理",
                        "inChargeOfPersonnel", "true", "effectiveOn", "2026-03-01"))).body();
        assertThat(appointed).contains("局领导任职已记录。", "分管：住房保障、物业管理", "分管人事");
    }

    @Test
    void an_assessment_correction_waits_for_a_second_person_and_the_first_grade_stays_shown() throws Exception {
        String cadreId = "cadre-wang-fang";
        cadre(cadreId, "王芳", TestAccounts.UNIT_A, "科员");
        String page = "/organisation/assessments";
        PageBrowser personnel = as(Role.PERSONNEL_OFFICE);
        PageBrowser leader = as(Role.BUREAU_LEADER);
        PageBrowser discipline = as(Role.DISCIPLINE_INSPECTION);

        assertThat(personnel.get(page).body()).contains("id=\"form-assessment\"", "王芳 · 测试处室 unit-a 科员")
                // nobody records their own assessment
                .doesNotContain(PERSONNEL_NAME + " · ");
        HttpResponse<String> ungraded = personnel.submit(page, page, Map.of("cadreId", cadreId, "kind", "ANNUAL",
                "period", "2025年度", "periodEnd", "2025-12-31"));
        assertThat(ungraded.statusCode()).isEqualTo(400);
        assertThat(ungraded.body()).contains("id=\"error-grade\"", "此项必须填写。", "2025年度");

        String recorded = personnel.follow(personnel.submit(page, page, Map.of("cadreId", cadreId, "kind", "ANNUAL",
                "period", "2025年度", "grade", "COMPETENT", "periodEnd", "2025-12-31"))).body();
        assertThat(recorded).contains("考核已记录。", "王芳", "年度考核", "2025年度", "<strong>称职</strong>", "申请更正");
        HttpResponse<String> twice = personnel.submit(page, page, Map.of("cadreId", cadreId, "kind", "ANNUAL",
                "period", "2025年度", "grade", "EXCELLENT", "periodEnd", "2025-12-30"));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("该干部本年度已有年度考核，如需改动请申请更正。");
        assertThat(discipline.get(page).body()).contains("<strong>称职</strong>")
                .doesNotContain("id=\"form-assessment\"", "申请更正");

        String assessmentId = first(Pattern.compile("name=\"assessmentId\" value=\"([^\"]+)\""), recorded);
        String requested = personnel.follow(personnel.submit(page, "/organisation/assessment-corrections", Map.of(
                "cadreId", cadreId, "assessmentId", assessmentId, "newGrade", "EXCELLENT", "reason", "漏报获奖情况")))
                .body();
        assertThat(requested).contains("更正申请已提交", "待审核的更正：称职 → 优秀（漏报获奖情况；" + PERSONNEL_NAME + "申请）",
                "须由申请人以外的另一人审核").doesNotContain("同意更正");
        HttpResponse<String> own = personnel.submit(page, "/organisation/assessment-approvals",
                Map.of("cadreId", cadreId, "assessmentId", assessmentId));
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(own.body()).contains("更正须由申请人以外的另一名成员审批。");

        assertThat(leader.get(page).body()).contains("同意更正").doesNotContain("id=\"form-assessment\"");
        String approved = leader.follow(leader.submit(page, "/organisation/assessment-approvals",
                Map.of("cadreId", cadreId, "assessmentId", assessmentId))).body();
        assertThat(approved).contains("更正已审核通过。", "<strong>优秀</strong>", "原等次：称职（漏报获奖情况）")
                .doesNotContain("待审核的更正", "同意更正");
    }

    @Test
    void awards_front_line_work_and_error_tolerance_are_recorded_from_lists_and_read_by_the_overseers() throws Exception {
        String cadreId = "cadre-zhao-lei";
        cadre(cadreId, "赵雷", TestAccounts.UNIT_A, "副处长");
        int year = BureauTime.dayOf(Instant.now()).getYear();
        String month = YearMonth.from(BureauTime.dayOf(Instant.now())).toString();
        ResponseEntity<Map> assigned = http.withBasicAuth(TestAccounts.username(Role.BUREAU_LEADER), TestAccounts.PASSWORD)
                .postForEntity("/api/tasks", Map.of("title", "老旧小区改造", "source", "PARTY_GROUP_MEETING",
                        "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_A,
                        "coUnitIds", List.of(), "dueDate", month + "-28", "ledgerMonth", month), Map.class);
        assertThat(assigned.getStatusCode().value()).isEqualTo(201);
        String taskId = (String) assigned.getBody().get("id");
        PageBrowser personnel = as(Role.PERSONNEL_OFFICE);
        PageBrowser discipline = as(Role.DISCIPLINE_INSPECTION);

        String awards = "/organisation/awards";
        HttpResponse<String> wrongKind = personnel.submit(awards, awards, Map.of("subject", "CADRE:" + cadreId,
                "award", "CIVILISED_UNIT", "year", String.valueOf(year), "citation", "服务群众"));
        assertThat(wrongKind.statusCode()).isEqualTo(409);
        assertThat(wrongKind.body()).contains("该奖项授予单位，不授予个人。", "服务群众");
        personnel.follow(personnel.submit(awards, awards, Map.of("subject", "CADRE:" + cadreId,
                "award", "EXCELLENT_PARTY_MEMBER", "year", String.valueOf(year), "citation", "防汛抢险表现突出")));
        String awarded = personnel.follow(personnel.submit(awards, awards, Map.of("subject", "UNIT:" + TestAccounts.UNIT_A,
                "award", "CIVILISED_UNIT", "year", String.valueOf(year), "citation", "窗口服务零投诉"))).body();
        assertThat(awarded).contains("表彰已记录。", "赵雷", "优秀共产党员", "防汛抢险表现突出", "文明处室", "窗口服务零投诉");
        assertThat(discipline.get(awards).body()).contains("防汛抢险表现突出").doesNotContain("id=\"form-award\"");

        String front = "/organisation/front-line";
        assertThat(personnel.get(front).body()).contains("<option value=\"" + taskId + "\">老旧小区改造</option>");
        HttpResponse<String> noTask = personnel.submit(front, front, Map.of("cadreId", cadreId, "kind", "REFORM",
                "performance", "驻点协调加装电梯", "on", month + "-10"));
        assertThat(noTask.statusCode()).isEqualTo(400);
        assertThat(noTask.body()).contains("id=\"error-taskId\"", "驻点协调加装电梯");
        String recorded = personnel.follow(personnel.submit(front, front, Map.of("cadreId", cadreId, "kind",
                "URGENT_DIFFICULT_DANGEROUS_HEAVY", "taskId", taskId, "performance", "驻点协调加装电梯",
                "on", month + "-10"))).body();
        assertThat(recorded).contains("一线表现已记录。", "赵雷", "急难险重", "href=\"/tasks/" + taskId + "\">老旧小区改造",
                "驻点协调加装电梯");

        String mistakes = "/organisation/mistakes";
        String mistaken = personnel.follow(personnel.submit(mistakes, mistakes, Map.of("cadreId", cadreId,
                "description", "项目审批材料遗漏", "occurredOn", month + "-05"))).body();
        assertThat(mistaken).contains("失误已记录。", "项目审批材料遗漏", "尚未作出容错决定");
        String picked = first(Pattern.compile("<option value=\"(" + cadreId + "/[^\"]+)\""), mistaken);
        Map<String, String> decision = new java.util.LinkedHashMap<>(Map.of("mistake", picked,
                "experimentVersusViolation", "属先行先试中的失误", "unawareVersusKnowing", "上级尚无明确限制",
                "partyGroupDecisionRef", "党组会〔2026〕12号"));
        HttpResponse<String> incomplete = personnel.submit(mistakes, "/organisation/error-tolerance-decisions", decision);
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).contains("id=\"error-publicVersusPrivate\"", "属先行先试中的失误");
        decision.put("publicVersusPrivate", "为推动工作，未谋私利");
        String decided = personnel.follow(personnel.submit(mistakes, "/organisation/error-tolerance-decisions",
                decision)).body();
        assertThat(decided).contains("容错决定已记录。", "项目审批材料遗漏", "属先行先试中的失误", "为推动工作，未谋私利",
                "上级尚无明确限制", "党组会〔2026〕12号").doesNotContain("value=\"" + picked + "\"");
        assertThat(discipline.get(mistakes).body()).contains("党组会〔2026〕12号").doesNotContain("id=\"form-mistake\"",
                "id=\"form-tolerance\"");
    }

    @Test
    void the_personnel_office_opens_a_staff_account_for_a_recorded_cadre_and_the_password_is_shown_once()
            throws Exception {
        cadre("cadre-sun-li", "孙丽", TestAccounts.UNIT_B, "科员");
        PageBrowser discipline = as(Role.DISCIPLINE_INSPECTION);
        assertThat(discipline.get("/organisation").body()).doesNotContain("href=\"/organisation/accounts\"");
        HttpResponse<String> refused = discipline.get("/organisation/accounts");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("您的角色无权进行此项操作。");

        PageBrowser personnel = as(Role.PERSONNEL_OFFICE);
        String page = "/organisation/accounts";
        assertThat(personnel.get(page).body()).contains("id=\"form-account\"", "孙丽 · 测试处室 unit-b 科员",
                "value=\"UNIT_STAFF\"", "value=\"UNIT_HEAD\"").doesNotContain("value=\"BUREAU_LEADER\"",
                "value=\"PERSONNEL_OFFICE\"");
        HttpResponse<String> noRole = personnel.submit(page, page, Map.of("cadreId", "cadre-sun-li", "username", "sunli"));
        assertThat(noRole.statusCode()).isEqualTo(400);
        assertThat(noRole.body()).contains("id=\"error-role\"", "此项必须填写。");

        HttpResponse<String> opened = personnel.submit(page, page, Map.of("cadreId", "cadre-sun-li", "role", "UNIT_STAFF",
                "username", "sunli"));
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(opened.body()).contains("已为 孙丽 开通账号。", "此密码只显示这一次");
        String password = first(Pattern.compile("id=\"new-password\">([^<]+)<"), opened.body());
        HttpResponse<String> signedIn = QuerySideForPages.browser(querySide).signIn("sunli", password);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        HttpResponse<String> taken = personnel.submit(page, page, Map.of("cadreId", "cadre-sun-li", "role", "UNIT_HEAD",
                "username", "sunli"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("该用户名已被使用。");
        assertThat(personnel.get(page).body()).contains("sunli", "孙丽", "测试处室 unit-b", "处室工作人员");
    }

    private static String first(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertThat(matcher.find()).as("the page holds %s", pattern).isTrue();
        return matcher.group(1);
    }
}
