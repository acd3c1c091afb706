package ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import ledger.command.TestOrganisation;
import ledger.command.audit.AuditNotary;
import ledger.evidence.EvidencePackage;
import ledger.evidence.EvidenceVerifier;
import ledger.kernel.security.Role;
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
 * 干部实绩档案 through the real HTTP stack of both services on one embedded store, per role: the readers the
 * rule allows find a cadre by name and unit and read the record, every line linking to its events; a staff
 * member reads their own and is refused another's with a Chinese page; the record as it stood earlier; the
 * promotion evidence printed with its verification code, and its package verifying offline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.bcrypt-strength=4", "ledger.audit.checkpoint-entries=1", "ledger.audit.notary-interval=1h"})
class CadreRecordPagesTest {

    static final EmbeddedStoreServer STORE = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    static final Path DATA = ledger.command.DataFolders.fresh("cadre-record-pages");
    static ConfigurableApplicationContext querySide;
    /** The cadre whose record is read: the unit staff member's own person, head of unit A. */
    static final String CADRE = TestAccounts.personId(Role.UNIT_STAFF);
    static final String OTHER = TestAccounts.personId(TestAccounts.STAFF_OF_UNIT_B);
    static final String RECORD = "/records/cadres/" + CADRE;
    static final String MONTH = "2026-11";
    /** Positions the record's facts were stored at, read once the set-up ran. */
    static long registered;
    static long awarded;
    static long latest;

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
        registry.add("ledger.store.database", () -> "cadre-records");
        registry.add("ledger.store.data-dir", DATA::toString);
    }


    @BeforeEach
    void record() throws Exception {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
        if (querySide == null) {
            querySide = QuerySideForPages.start(STORE, "cadre-records", commandPort);
            recordFacts();
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
        return new PageBrowser(CadreRecordPagesTest::base).signIn(role);
    }

    private TestRestTemplate api(Role role) {
        return http.withBasicAuth(TestAccounts.username(role), TestAccounts.PASSWORD);
    }

    private static long position(ResponseEntity<Map> accepted) {
        assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(201);
        long position = ((Number) accepted.getBody().get("position")).longValue();
        latest = Math.max(latest, position);
        return position;
    }

    /**
     * The cadre's facts, through the API (the organisation pages are another page's journey): registered in
     * unit A and made its head, a task of the unit's, front-line work on it, a score corrected by a second
     * member, an award, and a mistake with the Party Group's error-tolerance decision beside it.
     */
    private void recordFacts() throws Exception {
        TestRestTemplate personnel = api(Role.PERSONNEL_OFFICE);
        registered = position(personnel.postForEntity("/api/cadres", Map.of("cadreId", CADRE, "name", "李强",
                "unitId", TestAccounts.UNIT_A, "position", "科长", "partyMember", true, "since", "2025-03-01"), Map.class));
        position(personnel.postForEntity("/api/cadres", Map.of("cadreId", OTHER, "name", "周敏",
                "unitId", TestAccounts.UNIT_B, "position", "科员", "partyMember", false, "since", "2025-03-01"), Map.class));
        for (Map.Entry<Role, String> member : Map.of(Role.BUREAU_OFFICE, "陈静", Role.ORGAN_PARTY_COMMITTEE, "赵敏")
                .entrySet()) {
            personnel.postForEntity("/api/cadres", Map.of("cadreId", TestAccounts.personId(member.getKey()), "name",
                    member.getValue(), "unitId", TestAccounts.UNIT_B, "position", "主任科员", "partyMember", true,
                    "since", "2024-01-01"), Map.class);
        }
        position(personnel.postForEntity("/api/units/" + TestAccounts.UNIT_A + "/head-appointments",
                Map.of("cadreId", CADRE, "effectiveOn", "2025-03-01"), Map.class));
        ResponseEntity<Map> assigned = api(Role.BUREAU_LEADER).postForEntity("/api/tasks", Map.of("title", "老旧小区改造",
                "source", "PARTY_GROUP_MEETING", "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_A,
                "coUnitIds", List.of(), "dueDate", MONTH + "-28", "ledgerMonth", MONTH), Map.class);
        position(assigned);
        String taskId = (String) assigned.getBody().get("id");
        position(personnel.postForEntity("/api/cadres/" + CADRE + "/front-line-records", Map.of("kind",
                "URGENT_DIFFICULT_DANGEROUS_HEAVY", "taskId", taskId, "performance", "连续三周驻守工地，协调居民搬迁",
                "on", "2026-11-10"), Map.class));

        PageBrowser office = as(Role.BUREAU_OFFICE);
        String scores = "/scores/" + MONTH;
        office.follow(office.submit(scores, scores, Map.of("subject", "CADRE:" + CADRE, "dimension", "quality",
                "value", "90", "rationale", "统筹有力")));
        java.util.regex.Matcher score = java.util.regex.Pattern.compile("name=\"scoreId\" value=\"([^\"]+)\"")
                .matcher(office.get(scores).body());
        assertThat(score.find()).isTrue();
        office.follow(office.submit(scores, scores + "/correction-requests", Map.of("scoreId", score.group(1),
                "newValue", "85", "reason", "复核后调整")));
        PageBrowser party = as(Role.ORGAN_PARTY_COMMITTEE);
        party.follow(party.submit(scores, scores + "/correction-approvals", Map.of("scoreId", score.group(1))));

        awarded = position(personnel.postForEntity("/api/cadres/" + CADRE + "/awards", Map.of("award", "ADVANCED_WORKER",
                "year", 2026, "citation", "老旧小区改造提前完工"), Map.class));
        ResponseEntity<Map> mistake = personnel.postForEntity("/api/cadres/" + CADRE + "/mistakes", Map.of(
                "description", "先行试点中审批材料不全", "occurredOn", "2026-06-15", "evidenceEventIds", List.of()), Map.class);
        position(mistake);
        position(personnel.postForEntity("/api/cadres/" + CADRE + "/error-tolerance-decisions", Map.of("mistakeId",
                mistake.getBody().get("id"), "experimentVersusViolation", "属先行先试中的探索失误",
                "publicVersusPrivate", "出于公心，未谋私利", "unawareVersusKnowing", "非明知故犯",
                "partyGroupDecisionRef", "党组会〔2026〕12号"), Map.class));
    }

    /** The record page, once the view has every fact of the set-up. */
    private String latest(PageBrowser reader) throws Exception {
        HttpResponse<String> page = reader.get(RECORD + "?minPosition=" + latest);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    @Test
    void the_readers_the_rule_allows_find_a_cadre_and_read_the_record_with_links_to_its_events() throws Exception {
        PageBrowser personnel = as(Role.PERSONNEL_OFFICE);
        latest(personnel);
        String byName = personnel.get("/records/cadres?name=" + java.net.URLEncoder.encode("李", "UTF-8")).body();
        assertThat(byName).contains("李强", "href=\"" + RECORD + "\"", "测试处室 unit-a").doesNotContain("周敏");
        String byUnit = personnel.get("/records/cadres?unitId=" + TestAccounts.UNIT_B).body();
        assertThat(byUnit).contains("周敏").doesNotContain(">李强<");

        for (Role reader : List.of(Role.PERSONNEL_OFFICE, Role.DISCIPLINE_INSPECTION, Role.BUREAU_LEADER)) {
            String page = latest(as(reader));
            assertThat(page).as("%s reads the record", reader).contains("李强 · 干部实绩档案", "测试处室 unit-a", "科长",
                    "处室负责人", "老旧小区改造", "连续三周驻守工地", "急难险重", "工作质量", "<strong>85</strong>",
                    "原为 90（复核后调整）", "先进工作者", "老旧小区改造提前完工", "先行试点中审批材料不全",
                    "予以容错：党组会〔2026〕12号", "为公与为私：出于公心，未谋私利", "登记干部 #" + registered,
                    "授予干部表彰 #" + awarded, "id=\"form-evidence\"")
                    .doesNotContain(">" + CADRE + "<", ">" + TestAccounts.UNIT_A + "<", "Exception");
        }
        // the auditors open the cadre's timeline at the event; the personnel office the record as it stood then,
        // and a task's own timeline at its events
        assertThat(latest(as(Role.DISCIPLINE_INSPECTION)))
                .contains("/audit/timeline?subject=" + CADRE + "&amp;asOfPosition=" + awarded + "#event-" + awarded);
        String read = latest(personnel);
        assertThat(read).contains(RECORD + "?asOfPosition=" + awarded).containsPattern("/tasks/[^\"#]+#event-\\d+");
        String timeline = as(Role.DISCIPLINE_INSPECTION).get("/audit/timeline?subject=" + CADRE + "&asOfPosition="
                + awarded).body();
        assertThat(timeline).contains("id=\"event-" + awarded + "\"", "授予干部表彰");

        // the unit record beside it names its head
        assertThat(personnel.get("/records/units/" + TestAccounts.UNIT_A).body()).contains("测试处室 unit-a · 处室档案",
                "李强", "href=\"" + RECORD + "\"", "任命处室负责人 #");

        // a cadre reads their own record, and the way to it is their own
        PageBrowser self = as(Role.UNIT_STAFF);
        HttpResponse<String> search = self.get("/records/cadres");
        assertThat(search.statusCode()).isEqualTo(302);
        assertThat(search.headers().firstValue("Location").orElseThrow()).endsWith(RECORD);
        assertThat(latest(self)).contains("李强 · 干部实绩档案", "先进工作者").doesNotContain("返回干部查找");
        PageScreenshots.take(base(), Role.PERSONNEL_OFFICE, RECORD, "cadre-record.png", 1280, 2600);
        PageScreenshots.take(base(), Role.PERSONNEL_OFFICE, "/records/cadres", "cadre-search.png", 1280, 800);
        PageScreenshots.take(base(), Role.PERSONNEL_OFFICE, "/records/units/" + TestAccounts.UNIT_A,
                "cadre-unit-record.png", 1280, 900);
    }

    @Test
    void a_staff_member_opening_another_cadres_record_is_refused_with_a_chinese_page() throws Exception {
        PageBrowser other = new PageBrowser(CadreRecordPagesTest::base);
        HttpResponse<String> signedIn = other.signIn(TestAccounts.STAFF_OF_UNIT_B, TestAccounts.PASSWORD);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        for (String path : List.of(RECORD, RECORD + "?asOf=2026-01-01", RECORD + "/evidence",
                RECORD + "/evidence/package")) {
            HttpResponse<String> refused = other.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path)
                    .contains("干部实绩档案只有人事处、驻局纪检监察组、局领导和干部本人可以查看。")
                    .doesNotContain("李强", "先进工作者", "Exception");
        }
        // nor does the search list them: it leads to their own record only
        assertThat(other.get("/records/cadres").headers().firstValue("Location").orElseThrow())
                .endsWith("/records/cadres/" + OTHER);
        assertThat(as(Role.BUREAU_OFFICE).get(RECORD).statusCode()).isEqualTo(403);
    }

    @Test
    void the_record_as_it_stood_at_an_earlier_moment_leaves_out_what_came_later() throws Exception {
        PageBrowser personnel = as(Role.PERSONNEL_OFFICE);
        assertThat(latest(personnel)).contains("先进工作者");
        String before = personnel.get(RECORD + "?asOfPosition=" + (awarded - 1)).body();
        assertThat(before).contains("事件位置 " + (awarded - 1), "李强 · 干部实绩档案", "<strong>85</strong>")
                .doesNotContain("先进工作者", "先行试点中审批材料不全");
        String atRegistration = personnel.get(RECORD + "?asOfPosition=" + registered).body();
        assertThat(atRegistration).contains("科长").doesNotContain("老旧小区改造", "工作质量", "先进工作者");
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        String byDate = personnel.get(RECORD + "?asOf=" + yesterday).body();
        assertThat(byDate).contains("该时刻尚未登记这名干部。", "value=\"" + yesterday + "\"");
    }

    @Test
    void the_promotion_evidence_prints_with_its_verification_code_and_its_package_verifies_offline() throws Exception {
        PageBrowser personnel = as(Role.PERSONNEL_OFFICE);
        latest(personnel);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String print = RECORD + "/evidence?from=2026-01-01&to=" + today;
        notary.pass();
        HttpResponse<String> page = personnel.get(print);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("干部实绩材料（选拔任用参考）", "期间：2026年1月1日 至", "李强", "测试处室 unit-a",
                "四、牵头处室任务（牵头处室负责人）", "作为牵头处室负责人：1 项", "老旧小区改造", "先进工作者",
                "予以容错：党组会〔2026〕12号", "原为 90（复核后调整）", "核验码", "<svg", "/css/print.css",
                "下载存证包").doesNotContain("class=\"top", ">" + TestAccounts.UNIT_A + "<");

        HttpResponse<String> download = personnel.get(RECORD + "/evidence/package?from=2026-01-01&to=" + today);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("evidence-package-" + CADRE + "-2026-01-01-" + today + ".json");
        EvidencePackage evidence = EvidencePackage.parse(download.body());
        assertThat(EvidenceVerifier.verify(evidence, null).valid()).isTrue();
        assertThat(page.body()).contains(String.join(" ", evidence.digest().split("(?<=\\G.{8})")),
                "日志前 " + evidence.checkpoint().treeSize() + " 条");
        assertThat(evidence.entries()).anyMatch(e -> e.canonical().contains("老旧小区改造提前完工"));

        // the API's printable format is the same document, with the same code
        String api = new TestRestTemplate(new org.springframework.boot.web.client.RestTemplateBuilder().rootUri(base()))
                .withBasicAuth(TestAccounts.username(Role.PERSONNEL_OFFICE), TestAccounts.PASSWORD)
                .getForObject("/api/cadres/" + CADRE + "/evidence?from=2026-01-01&to="
                + today + "&format=html", String.class);
        assertThat(api).contains("干部实绩材料（选拔任用参考）", "核验码", String.join(" ", evidence.digest()
                .split("(?<=\\G.{8})")), "@page").doesNotContain("下载存证包");
        PageScreenshots.take(base(), Role.PERSONNEL_OFFICE, print, "cadre-evidence-print.png", 1280, 3000);
    }
}
