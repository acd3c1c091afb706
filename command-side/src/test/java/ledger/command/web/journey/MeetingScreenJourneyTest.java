package ledger.command.web.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;

import ledger.kernel.security.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * (c) The meeting room's screen (/ledger/{month}/screen) shows a unit's new progress as it is reported
 * in another browser, without being reloaded (server-sent events).
 */
class MeetingScreenJourneyTest extends BrowserJourney {

    @Test
    void the_meeting_screen_updates_without_reload_when_another_person_reports_progress() {
        YearMonth month = thisMonth().plusMonths(3);
        String task = assign("住房公积金缴存扩面", HOUSING, List.of(RENEWAL), month.atDay(20), month);
        assign("历史文化街区保护更新", RENEWAL, List.of(HOUSING, MARKET), month.atDay(28), month);
        assign("建筑市场信用评价办法修订", MARKET, List.of(), month.atEndOfMonth(), month);

        Person screen = signIn(Role.BUREAU_OFFICE);
        By row = By.cssSelector("tr[data-task='" + task + "']");
        screen.untilShown("/ledger/" + month + "/screen", d -> !d.findElements(row).isEmpty()
                && d.getPageSource().contains("建筑市场信用评价办法修订"));
        assertThat(screen.text(row)).contains("住房公积金缴存扩面", "尚未报告");
        screen.markDocument();

        Person staff = signIn(Role.UNIT_STAFF);
        staff.untilPageShows("/tasks/" + task, "住房公积金缴存扩面");
        staff.type(By.id("percent"), "45");
        staff.type(By.id("narrative"), "新增缴存单位312家，灵活就业人员试点启动");
        staff.submit(By.cssSelector("#form-progress button[type=submit]"));

        screen.waitForText(row, "45%：新增缴存单位312家");
        assertThat(screen.sameDocument()).as("the screen was not reloaded").isTrue();
        screen.screenshot("meeting-screen");
    }
}
