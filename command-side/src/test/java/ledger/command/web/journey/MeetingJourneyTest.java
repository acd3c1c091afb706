package ledger.command.web.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;

import ledger.command.task.DeadlineWatch;
import ledger.kernel.security.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * (e) The director's deliberation meeting at the turn of the month: a bureau leader sees last month's task
 * of 建筑市场监管处 red in the ledger, convenes the meeting for that month, records the task's causes and
 * countermeasures, assigns a task for this month with a lead leader and lead unit, closes the meeting and
 * prints its minutes on A4; the assigned task is in this month's ledger. Keeps to last month's ledger and
 * to 建筑市场监管处, whose tasks no other journey's person follows.
 */
class MeetingJourneyTest extends BrowserJourney {

    private static final DateTimeFormatter CHINESE_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Autowired
    DeadlineWatch watch;

    @Test
    void a_meeting_reviews_a_red_task_and_assigns_next_months_task() {
        YearMonth month = thisMonth().minusMonths(1);
        YearMonth next = thisMonth();
        String red = assign("建筑起重机械安全专项检查", MARKET, List.of(), month.atDay(15), month);
        String green = assign("建筑业企业资质动态核查", MARKET, List.of(), today().plusDays(30), month);
        // the deadline watch's pass (every minute in service) run now: the task due on the 15th turns 红
        watch.check();

        Person leader = signIn(Role.BUREAU_LEADER);
        By redLight = By.cssSelector("tr[data-task='" + red + "'] .light");
        leader.untilShown("/ledger/" + month, d -> !d.findElements(redLight).isEmpty()
                && "红".equals(d.findElement(redLight).getText()));
        assertThat(leader.text(By.cssSelector("tr[data-task='" + green + "'] .light"))).isEqualTo("绿");

        leader.click(By.linkText("局长议事会"));
        leader.pick(By.id("month"), month.toString());
        leader.pick(By.id("heldOn"), today().toString());
        leader.submit(By.cssSelector("#form-convene button[type=submit]"));
        assertThat(leader.text(By.tagName("h1"))).contains(month + "局长议事会", "进行中");
        // the ledger as it stood when convened: the red task is listed for review, the green one only counted
        By review = By.id("task-" + red);
        assertThat(leader.text(review)).contains("建筑起重机械安全专项检查", "张伟", "建筑市场监管处");
        assertThat(leader.find(By.cssSelector("#task-" + red + " .light")).getText()).isEqualTo("红");
        assertThat(leader.pageText()).contains("滞后任务（1项）", "另有 1 项任务").doesNotContain("task-" + green);
        assertThat(leader.findAll(By.id("task-" + green))).isEmpty();

        leader.type(By.id("causes-" + red), "部分塔吊产权单位未按时报检，检查力量不足");
        leader.type(By.id("measures-" + red), "联合区住建局分片检查，12月20日前全部复查");
        leader.submit(By.cssSelector("#task-" + red + " form[action$='/reviews'] button[type=submit]"));
        assertThat(leader.text(By.cssSelector("p.notice[role=status]"))).isEqualTo("已记录。");
        assertThat(leader.text(review)).contains("部分塔吊产权单位未按时报检，检查力量不足", "联合区住建局分片检查，12月20日前全部复查");

        LocalDate due = next.atEndOfMonth();
        leader.type(By.id("title"), "建筑施工安全生产标准化考评");
        leader.type(By.id("description"), "完成在建项目标准化考评全覆盖");
        leader.choose(By.id("leadLeaderId"), "张伟 · 副局长");
        leader.choose(By.id("leadUnitId"), "建筑市场监管处");
        leader.choose(By.id("coUnitIds"), "城市更新处");
        leader.pick(By.id("dueDate"), due.toString());
        leader.submit(By.cssSelector("#form-assign button[type=submit]"));
        assertThat(leader.text(By.cssSelector("p.notice[role=status]"))).isEqualTo("已记录。");
        assertThat(leader.pageText()).contains("部署" + next + "重点工作", "建筑施工安全生产标准化考评",
                "完成在建项目标准化考评全覆盖", "城市更新处", due.toString());
        leader.screenshot("meeting");

        leader.submit(By.cssSelector("#form-close button[type=submit]"));
        assertThat(leader.text(By.tagName("h1"))).contains("已结束");
        assertThat(leader.findAll(By.id("form-assign"))).isEmpty();

        leader.click(By.linkText("会议纪要"));
        String minutes = leader.pageText();
        assertThat(minutes).contains(month + "局长议事会纪要", "会议日期：" + CHINESE_DAY.format(today()),
                "一、滞后任务的原因及对策措施", "建筑起重机械安全专项检查", "张伟 / 建筑市场监管处",
                "部分塔吊产权单位未按时报检，检查力量不足", "二、部署" + next + "重点工作", "建筑施工安全生产标准化考评",
                CHINESE_DAY.format(due)).doesNotContain(MARKET, LEADER);
        // printed: A4 portrait (the minutes' own page), on one sheet, without the navigation
        PrintedPages printed = PrintedPages.of(leader.printed());
        assertThat(printed.allA4Portrait()).as("A4 portrait sheets: %s", printed).isTrue();
        assertThat(printed.count()).isEqualTo(1);
        leader.screenshotPrinted("meeting-minutes", 680);

        // the ledger the meeting reviewed prints on A4 landscape, its columns side by side
        leader.go("/ledger/" + month);
        PrintedPages ledger = PrintedPages.of(leader.printed());
        assertThat(ledger.allA4Landscape()).as("A4 landscape sheets: %s", ledger).isTrue();

        // the task assigned at the meeting is a key task of this month's ledger, with its owners
        By assigned = By.xpath("//tr[.//a[.='建筑施工安全生产标准化考评']]");
        leader.untilShown("/ledger/" + next, d -> !d.findElements(assigned).isEmpty());
        assertThat(leader.text(assigned)).contains("张伟", "建筑市场监管处", "城市更新处", due.toString());
    }
}
