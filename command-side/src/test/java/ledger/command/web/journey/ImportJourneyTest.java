package ledger.command.web.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.security.Role;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * (g) The bureau's existing Excel ledger brought in: a bureau leader reads the statistics of a month, downloads
 * the import template, fills it in Excel's way (a date typed in Chinese, an unknown unit, a date nobody can
 * read), uploads it, sees each row's problems in Chinese, assigns the valid rows, and finds them counted in
 * the statistics. Keeps to the ledger five months ahead.
 */
class ImportJourneyTest extends BrowserJourney {

    @Test
    void a_leader_imports_an_excel_ledger_and_sees_its_valid_rows_assigned_and_counted() throws Exception {
        YearMonth month = thisMonth().plusMonths(5);
        LocalDate due = month.atDay(12);
        By monthTotal = By.cssSelector("#stat-month-units tfoot tr.total td");

        Person leader = signIn(Role.BUREAU_LEADER);
        leader.click(By.linkText("统计"));
        leader.pick(By.name("from"), month.minusMonths(11).toString());
        leader.pick(By.name("to"), month.toString());
        leader.submit(By.cssSelector("form.filters button[type=submit]"));
        // the month to break down is one of the period's, offered once the period is shown
        leader.choose(By.name("month"), month.toString());
        leader.submit(By.cssSelector("form.filters button[type=submit]"));
        String statistics = leader.path();
        assertThat(leader.text(By.cssSelector("#stat-month-units h2"))).isEqualTo(month + " 各牵头单位");
        int before = Integer.parseInt(leader.text(monthTotal));

        leader.click(By.linkText("导入台账"));
        leader.click(By.id("template"));
        Path filled = Files.createTempDirectory("journey-import-").resolve("ledger-" + month + ".xlsx");
        try (InputStream in = Files.newInputStream(leader.downloaded()); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("任务名称");
            sheet.removeRow(sheet.getRow(1)); // the template's example row
            List<List<String>> rows = List.of(
                    List.of("物业服务企业信用评价", "完成全市物业企业年度信用评价", "党组会议", "", "张伟", "住房保障处",
                            "城市更新处、建筑市场监管处", due.toString(), ""),
                    List.of("城市体检问题整改", "", "局务会议", "", "张伟", "城市更新处", "",
                            due.getYear() + "年" + due.getMonthValue() + "月28日", ""),
                    List.of("房地产经纪机构备案清理", "", "党组会议", "", "张伟", "房地产科", "", due.toString(), ""),
                    List.of("燃气经营许可复核", "", "党组会议", "", "张伟", "建筑市场监管处", "", "年底前", ""));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            try (OutputStream out = Files.newOutputStream(filled)) {
                book.write(out);
            }
        }

        leader.attach(By.id("file"), filled);
        leader.pick(By.id("ledgerMonth"), month.toString());
        leader.submit(By.cssSelector("#form-import-upload button[type=submit]"));
        assertThat(leader.text(By.cssSelector("#main h2"))).isEqualTo("预览：" + filled.getFileName() + "，共 4 行，其中 2 行可以交办");
        assertThat(leader.text(By.id("row-2"))).contains("物业服务企业信用评价", "城市更新处、建筑市场监管处", "可以交办");
        assertThat(leader.text(By.id("row-3"))).contains("城市体检问题整改", month.atDay(28).toString(), "可以交办");
        assertThat(leader.text(By.id("row-4"))).contains("没有名为“房地产科”的单位。");
        assertThat(leader.text(By.id("row-5"))).contains("完成时限“年底前”不是日期");
        // the form for the next file keeps the month chosen and says the size limit
        assertThat(leader.find(By.id("ledgerMonth")).getAttribute("value")).isEqualTo(month.toString());
        assertThat(leader.text(By.cssSelector("label[for=file]"))).contains("MB").doesNotContain("null");
        leader.screenshot("import-preview");
        Files.deleteIfExists(filled);
        Files.deleteIfExists(filled.getParent());

        leader.submit(By.cssSelector("#form-import-assign button[type=submit]"));
        assertThat(leader.text(By.cssSelector("p.notice[role=status]"))).isEqualTo("导入结果：已交办 2 项，未交办 0 项");
        leader.click(By.linkText("物业服务企业信用评价"));
        assertThat(leader.pageText()).contains("完成全市物业企业年度信用评价", "张伟", "住房保障处", "城市更新处",
                "建筑市场监管处", due.toString());

        // the statistics count each imported task once, in the month its row named
        leader.untilShown(statistics, d -> Integer.parseInt(d.findElement(monthTotal).getText()) == before + 2);
        leader.screenshot("statistics");
    }
}
