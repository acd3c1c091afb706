package ledger.command.web.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ledger.command.task.DeadlineWatch;
import ledger.kernel.security.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * (a) A unit's staff member starts from 我的待办, reports progress on a task due soon and claims its
 * completion; the bureau office verifies it; the staff member sees the ledger's light turn from 黄 to 完成.
 * Keeps to this month's ledger (my work reads it); the other journeys use later months.
 */
class UnitStaffJourneyTest extends BrowserJourney {

    @Autowired
    DeadlineWatch watch;

    @Test
    void unit_staff_report_progress_and_see_the_ledger_light_change() {
        YearMonth month = thisMonth();
        LocalDate today = today();
        String housing = assign("保障性租赁住房筹集", HOUSING, List.of(RENEWAL), today.plusDays(2), month);
        assign("公租房配租年度复核", HOUSING, List.of(), today.plusDays(1), month);
        assign("城镇老旧小区改造年度计划", HOUSING, List.of(RENEWAL, MARKET), today.plusDays(40), month);
        assign("城中村改造项目梳理", RENEWAL, List.of(HOUSING), today.plusDays(25), month);
        assign("建筑工地扬尘专项治理", MARKET, List.of(), today.plusDays(30), month);
        // the deadline watch's pass (every minute in service) run now: both tasks due within three days turn 黄
        watch.check();

        Person staff = signIn(Role.UNIT_STAFF);
        staff.untilShown("/", d -> d.findElements(By.cssSelector("section.work")).stream()
                .anyMatch(s -> s.getText().contains("临近到期") && s.getText().contains("保障性租赁住房筹集")
                        && s.getText().contains("公租房配租年度复核")));
        assertThat(staff.text(By.tagName("h1"))).isEqualTo("王芳，您好");
        assertThat(staff.pageText()).contains("本月尚未报告进展", "城中村改造项目梳理").doesNotContain("建筑工地扬尘专项治理");
        staff.screenshot("my-work-unit-staff");

        staff.click(By.linkText("工作台账"));
        By light = By.cssSelector("tr[data-task='" + housing + "'] .light");
        assertThat(staff.text(light)).isEqualTo("黄");

        staff.click(By.linkText("保障性租赁住房筹集"));
        staff.type(By.id("percent"), "80");
        staff.type(By.id("narrative"), "已筹集房源1260套，完成年度目标的八成");
        staff.submit(By.cssSelector("#form-progress button[type=submit]"));
        assertThat(staff.text(By.cssSelector("p.notice[role=status]"))).startsWith("已提交");
        assertThat(staff.pageText()).contains("80%：已筹集房源1260套，完成年度目标的八成", "城市更新处");
        staff.screenshot("task-unit-staff");

        staff.type(By.id("summary"), "房源筹集任务全部完成，已报送台账");
        staff.submit(By.cssSelector("#form-claim button[type=submit]"));
        assertThat(staff.text(By.cssSelector("p.notice[role=status]"))).startsWith("已提交");

        Person office = signIn(Role.BUREAU_OFFICE);
        office.untilShown("/", d -> d.getPageSource().contains("待核验的完成申请")
                && d.getPageSource().contains("保障性租赁住房筹集"));
        office.click(By.linkText("保障性租赁住房筹集"));
        office.type(By.id("verify-note"), "经核实，房源已落实");
        office.submit(By.cssSelector("#form-verify button[value=verify]"));
        assertThat(office.pageText()).contains("已提交", "已完成");

        String ledger = "/ledger/" + month;
        staff.untilShown(ledger, d -> "完成".equals(d.findElement(light).getText()));
        assertThat(staff.find(By.cssSelector("tr[data-task='" + housing + "']")).getAttribute("data-status"))
                .isEqualTo("COMPLETED");
        staff.screenshot("ledger-month");
    }
}
