package ledger.command.web.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import ledger.kernel.security.Role;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** (d) The ledger filtered by a unit, exported: the browser downloads a workbook with exactly the rows shown. */
class ExportJourneyTest extends BrowserJourney {

    @Test

    void the_excel_export_holds_exactly_the_rows_the_page_shows() throws Exception {
        YearMonth month = thisMonth().plusMonths(4);
        assign("保障房小区物业服务评价", HOUSING, List.of(), month.atDay(10), month);
        assign("住房租赁市场监测月报", HOUSING, List.of(RENEWAL), month.atDay(18), month);
        assign("城市更新单元规划编制", RENEWAL, List.of(HOUSING), month.atDay(22), month);
        assign("装配式建筑推广", MARKET, List.of(), month.atDay(26), month);

        Person staff = signIn(Role.UNIT_STAFF);
        staff.untilPageShows("/ledger/" + month, "装配式建筑推广");
        staff.choose(By.name("unit"), "住房保障处");
        staff.submit(By.cssSelector("form.filters button.primary"));
        List<WebElement> shown = staff.findAll(By.cssSelector("#ledger-rows tbody tr"));
        List<List<String>> rows = new ArrayList<>();
        for (WebElement tr : shown) {
            List<WebElement> cells = tr.findElements(By.tagName("td"));
            rows.add(List.of(cells.get(0).getText(), cells.get(2).findElement(By.tagName("a")).getText(),
                    // the unit's name; the receipt (签收) is a line of its own under it, and a column of its own in the export
                    cells.get(5).findElement(By.tagName("span")).getText()));
        }
        assertThat(rows).extracting(r -> r.get(1)).contains("保障房小区物业服务评价", "住房租赁市场监测月报")
                .doesNotContain("城市更新单元规划编制", "装配式建筑推广");
        assertThat(rows).extracting(r -> r.get(2)).containsOnly("住房保障处");

        staff.click(By.linkText("导出 Excel"));
        Path xlsx = staff.downloaded();
        // headless Chromium saves a download under the name "download" whatever the header says, so the name
        // the server offers is read from the link's answer in the same browser
        Object disposition = staff.script("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => done(r.headers.get('content-disposition')));",
                staff.find(By.linkText("导出 Excel")).getAttribute("href"));
        assertThat((String) disposition).startsWith("attachment;")
                .contains("filename*=UTF-8''%E5%B7%A5%E4%BD%9C%E5%8F%B0%E8%B4%A6-" + month + ".xlsx");
        List<List<String>> exported = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("任务");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                // a carried-over row names its first month after the title, as the page does below it
                String title = row.getCell(2).getStringCellValue().replaceFirst("（结转 \\d{4}-\\d{2}）$", "");
                exported.add(List.of(String.valueOf((long) row.getCell(0).getNumericCellValue()), title,
                        row.getCell(5).getStringCellValue()));
            }
        }
        assertThat(exported).isEqualTo(rows);
    }
}
