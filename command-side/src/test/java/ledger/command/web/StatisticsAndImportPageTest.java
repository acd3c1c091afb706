package ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ledger.command.TestOrganisation;
import ledger.kernel.security.Role;
import ledger.kernel.shared.BureauTime;
import ledger.query.QuerySideApplication;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.storeserver.EmbeddedStoreServer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 统计 and 导入台账 through the real HTTP stack of both services on one embedded store: the statistics page
 * per role (tables complete without scripts, names not ids, the charts' data and script), its API, and the
 * Excel import from template to preview to assignment, once however often the preview is submitted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.security.bcrypt-strength=4")
class StatisticsAndImportPageTest {

    static final EmbeddedStoreServer STORE = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    static ConfigurableApplicationContext querySide;
    private static final Pattern TASK_LINK = Pattern.compile("href=\"/tasks/(task-[^\"?]+)\\?minPosition=(\\d+)\"");

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
        registry.add("ledger.store.database", () -> "web-statistics");
    }

    @BeforeEach
    void organisation() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
        if (querySide == null) {
            querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                    .run("--ledger.store.uri=" + STORE.connectionString(), "--ledger.store.database=web-statistics",
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

    private PageBrowser browser() {
        return new PageBrowser(() -> "http://localhost:" + querySide.getEnvironment().getProperty("local.server.port"));
    }

    private static YearMonth thisMonth() {
        return YearMonth.from(BureauTime.dayOf(Instant.now()));
    }

    private TestRestTemplate as(Role role) {
        return http.withBasicAuth(TestAccounts.username(role), TestAccounts.PASSWORD);
    }

    /** The query side's API (statistics and the ledger are read there; the command side only writes). */
    private static TestRestTemplate queries() {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(
                "http://localhost:" + querySide.getEnvironment().getProperty("local.server.port")));
    }

    private static TestRestTemplate reader(Role role) {
        return queries().withBasicAuth(TestAccounts.username(role), TestAccounts.PASSWORD);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(Role role, String path, Map<String, ?> body) {
        ResponseEntity<Map> answer = as(role).postForEntity(path, body, Map.class);
        assertThat(answer.getStatusCode().value()).as(path).isEqualTo(201);
        return answer.getBody();
    }

    private String assign(String title, String unit, YearMonth month) {
        return (String) post(Role.BUREAU_LEADER, "/api/tasks", Map.of("title", title, "source", "PARTY_GROUP_MEETING",
                "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", unit, "dueDate",
                month.atEndOfMonth().toString(), "ledgerMonth", month.toString())).get("id");
    }

    // 统计

    @Test
    @SuppressWarnings("unchecked")
    void statistics_count_this_months_tasks_per_unit_and_leader_for_every_bureau_role() throws Exception {
        YearMonth month = thisMonth();
        String done = assign("统计：老旧小区改造", TestAccounts.UNIT_A, month);
        assign("统计：保障房筹集", TestAccounts.UNIT_B, month);
        // urged while open (a closed task is not urged), then completed: one notice in this month's figures
        post(Role.BUREAU_OFFICE, "/api/tasks/" + done + "/urging-notices", Map.of("reason", "材料不全",
                "expectation", "补充材料", "replyBy", LocalDate.now(BureauTime.ZONE).plusDays(5).toString()));
        post(Role.UNIT_HEAD, "/api/tasks/" + done + "/completion-claims", Map.of("summary", "已完成"));
        long position = ((Number) post(Role.BUREAU_OFFICE, "/api/tasks/" + done + "/completion-verifications",
                Map.of("note", "核实")).get("position")).longValue();
        String period = "from=" + month + "&to=" + month + "&minPosition=" + position;

        ResponseEntity<Map> api = reader(Role.UNIT_STAFF).getForEntity("/api/statistics?" + period, Map.class);
        assertThat(api.getStatusCode().value()).isEqualTo(200);
        List<Map<String, Object>> months = (List<Map<String, Object>>) api.getBody().get("months");
        Map<String, Object> total = (Map<String, Object>) ((Map<String, Object>) months.get(0).get("figures")).get("total");
        assertThat(months.get(0).get("month")).isEqualTo(month.toString());
        assertThat(total).containsEntry("tasks", 2).containsEntry("completedOnTime", 1).containsEntry("onTimeRate", 1.0)
                .containsEntry("urgingIssued", 1);
        assertThat(queries().getForEntity("/api/statistics", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(reader(Role.UNIT_STAFF).getForEntity("/api/statistics?from=2026-05&to=2026-04", Map.class)
                .getStatusCode().value()).isEqualTo(400);

        for (Role role : List.of(Role.UNIT_STAFF, Role.BUREAU_LEADER, Role.BUREAU_OFFICE, Role.DISCIPLINE_INSPECTION,
                Role.PERSONNEL_OFFICE)) {
            HttpResponse<String> page = browser().signIn(role).get("/statistics?" + period);
            assertThat(page.statusCode()).as(role.name()).isEqualTo(200);
            assertThat(page.body()).as(role.name())
                    .contains("<h1>统计</h1>", "各牵头单位", "各牵头领导", "测试处室 unit-a", "测试处室 unit-b", "张副局长",
                            "按期完成率", "100.0%", "催办通知", "href=\"/statistics\"")
                    .doesNotContain(">" + TestAccounts.UNIT_A + "<", ">" + TestOrganisation.LEADER + "<", "<script>");
        }
        HttpResponse<String> page = browser().signIn(Role.UNIT_STAFF).get("/statistics?" + period);
        // the charts are drawn by a static script from the data their elements carry
        assertThat(page.body()).contains("data-chart=\"{&quot;categories&quot;:[&quot;" + month + "&quot;]",
                "src=\"/js/statistics.js\"");
        // the WebJar's path carries its version (the locator adds it), so a new ECharts is never read from a cache
        assertThat(page.body()).containsPattern("src=\"/webjars/echarts/[0-9.]+/dist/echarts.min.js\"");
        PageBrowser staff = browser().signIn(Role.UNIT_STAFF);
        assertThat(staff.getBytes("/webjars/echarts/dist/echarts.min.js").statusCode()).isEqualTo(200);
        assertThat(staff.getBytes("/js/statistics.js").statusCode()).isEqualTo(200);
        assertThat(staff.get("/statistics?from=2026-05&to=2026-04").body()).contains("所选期间无效");
        assertThat(staff.get("/statistics?" + period + "&lang=en").body()).contains("On-time rate", "By lead unit");
    }

    // 导入台账

    private static byte[] workbook(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("台账");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void a_leader_downloads_the_template_and_others_cannot_import() throws Exception {
        PageBrowser leader = browser().signIn(Role.BUREAU_LEADER);
        HttpResponse<String> page = leader.get("/tasks/import");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("导入台账", "下载模板", "enctype=\"multipart/form-data\"", "href=\"/tasks/import\"");
        HttpResponse<byte[]> template = leader.getBytes("/tasks/import/template.xlsx");
        assertThat(template.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
            Row header = book.getSheetAt(0).getRow(0);
            assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(2).getStringCellValue(),
                    header.getCell(4).getStringCellValue(), header.getCell(5).getStringCellValue(),
                    header.getCell(6).getStringCellValue(), header.getCell(7).getStringCellValue()))
                    .containsExactly("任务名称", "来源", "牵头领导", "牵头单位", "协办单位", "完成时限");
            assertThat(book.getSheet("说明").getRow(0).getCell(0).getStringCellValue()).contains("必填");
        }
        PageBrowser staff = browser().signIn(Role.UNIT_STAFF);
        assertThat(staff.get("/tasks/import").statusCode()).isEqualTo(403);
        assertThat(staff.get("/").body()).doesNotContain("href=\"/tasks/import\"");
        String csrf = PageBrowser.csrf(staff.get("/").body());
        assertThat(staff.upload("/tasks/import/preview", Map.of("_csrf", csrf), "file", "台账.xlsx",
                workbook(List.of(List.of("任务名称")))).statusCode()).isEqualTo(403);
    }

    @Test
    void an_upload_is_previewed_with_each_rows_problems_and_its_valid_rows_are_assigned_once() throws Exception {
        YearMonth month = thisMonth().plusMonths(3);
        String due = month.atDay(20).toString();
        byte[] file = workbook(List.of(
                List.of("任务名称", "任务内容", "来源", "来源文号", "牵头领导", "牵头单位", "协办单位", "完成时限", "台账月份"),
                List.of("导入：城市更新示范片区", "完成3个片区", "党组会议", "", "张副局长", "测试处室 unit-a",
                        "测试处室 unit-b、测试处室 unit-c",
                        due, month.toString()),
                List.of("导入：燃气管网改造", "", "局党组会", "", "张副局长", "测试处室unit-b", "", month.getYear() + "年"
                        + month.getMonthValue() + "月25日", month.toString()),
                List.of("导入：无名单位", "", "党组会议", "", "张副局长", "不存在的处", "", due, month.toString()),
                List.of("导入：无名领导", "", "党组会议", "", "李某", "测试处室 unit-a", "", due, month.toString()),
                List.of("导入：日期错误", "", "党组会议", "", "张副局长", "测试处室 unit-a", "", "下个月底", month.toString()),
                List.of("", "缺少名称", "", "", "", "", "", "", "")));

        PageBrowser leader = browser().signIn(Role.BUREAU_LEADER);
        String csrf = PageBrowser.csrf(leader.get("/tasks/import").body());
        // a multipart form without its token is refused like any other
        assertThat(leader.upload("/tasks/import/preview", Map.of(), "file", "台账.xlsx", file).statusCode())
                .isEqualTo(403);
        HttpResponse<String> notXlsx = leader.upload("/tasks/import/preview", Map.of("_csrf", csrf), "file", "台账.xlsx",
                "不是表格".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(notXlsx.statusCode()).isEqualTo(400);
        assertThat(notXlsx.body()).contains("这个文件不是可以读取的 .xlsx 工作簿。");

        HttpResponse<String> preview = leader.upload("/tasks/import/preview",
                Map.of("_csrf", csrf, "ledgerMonth", month.toString()), "file", "本局台账.xlsx", file);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("预览：本局台账.xlsx，共 6 行，其中 2 行可以交办", "可以交办",
                "没有名为“不存在的处”的单位。", "没有名为“李某”的在任局领导。", "完成时限“下个月底”不是日期",
                "缺少任务名称。", "缺少来源。", "缺少牵头领导。", "交办 2 项有效任务");

        String form = preview.body();
        Matcher upload = Pattern.compile("name=\"upload\" value=\"([0-9a-f]{64})\"").matcher(form);
        assertThat(upload.find()).isTrue();
        Matcher rowField = Pattern.compile("name=\"row\" value=\"([^\"]+)\"").matcher(form);
        List<String> rows = new java.util.ArrayList<>();
        while (rowField.find()) {
            rows.add(org.springframework.web.util.HtmlUtils.htmlUnescape(rowField.group(1)));
        }
        assertThat(rows).hasSize(2);
        Map<String, Object> confirm = Map.of("_csrf", PageBrowser.csrf(form), "upload", upload.group(1), "row", rows);

        HttpResponse<String> result = leader.post("/tasks/import", confirm);
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("导入结果：已交办 2 项，未交办 0 项", "导入：城市更新示范片区", "导入：燃气管网改造");
        Matcher links = TASK_LINK.matcher(result.body());
        List<String> taskIds = new java.util.ArrayList<>();
        long position = 0;
        while (links.find()) {
            taskIds.add(links.group(1));
            position = Math.max(position, Long.parseLong(links.group(2)));
        }
        assertThat(taskIds).hasSize(2);

        // the same preview submitted again assigns nothing more: each row's key was used once
        HttpResponse<String> again = leader.post("/tasks/import", confirm);
        assertThat(again.body()).contains("已交办 2 项");
        Matcher againLinks = TASK_LINK.matcher(again.body());
        List<String> againIds = new java.util.ArrayList<>();
        while (againLinks.find()) {
            againIds.add(againLinks.group(1));
        }
        assertThat(againIds).isEqualTo(taskIds);

        HttpResponse<String> task = leader.get("/tasks/" + taskIds.get(0) + "?minPosition=" + position);
        // co-units split at 、, not at the space inside a unit's name
        assertThat(task.body()).contains("导入：城市更新示范片区", "测试处室 unit-a", "测试处室 unit-b", "测试处室 unit-c",
                "张副局长");
        @SuppressWarnings("unchecked")
        Map<String, Object> ledger = reader(Role.UNIT_STAFF).getForObject("/api/ledger/" + month + "?minPosition="
                + position, Map.class);
        assertThat(ledger.get("taskCount")).isEqualTo(2);
        assertThat(leader.get("/ledger/" + month).body()).contains("导入：燃气管网改造", month.toString().substring(0, 4));
    }
}
