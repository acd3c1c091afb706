package ledger.command.web.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import ledger.kernel.security.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * (b) A bureau leader assigns a task with the pickers; the lead unit asks to move its deadline; the
 * leader finds the request in 我的待办 and approves it; the original due date stays on record. Next
 * month's ledger (my work reads it), for 城市更新处, whose staff journey (a) does not follow.
 */
class LeaderJourneyTest extends BrowserJourney {

    @Test
    void a_leader_assigns_a_task_and_decides_the_units_deadline_change() {
        YearMonth month = thisMonth().plusMonths(1);
        LocalDate due = month.atDay(25);
        LocalDate later = month.plusMonths(1).atDay(15);

        Person leader = signIn(Role.BUREAU_LEADER);
        leader.click(By.linkText("交办任务"));
        leader.untilShown("/tasks/new", d -> d.getPageSource().contains("张伟 · 副局长")
                && d.getPageSource().contains("建筑市场监管处"));
        leader.type(By.id("title"), "既有住宅加装电梯试点");
        leader.type(By.id("description"), "选取两个街道开展试点，形成可复制的审批流程");
        leader.choose(By.id("source"), "党组会议");
        assertThat(new Select(leader.find(By.id("leadLeaderId"))).getFirstSelectedOption().getText())
                .as("the leader's own name is chosen first").isEqualTo("张伟 · 副局长");
        leader.choose(By.id("leadUnitId"), "城市更新处");
        leader.choose(By.id("coUnitIds"), "建筑市场监管处");
        leader.pick(By.id("dueDate"), due.toString());
        leader.pick(By.id("ledgerMonth"), month.toString());
        leader.submit(By.cssSelector("#form-assign button[type=submit]"));
        assertThat(leader.text(By.cssSelector("p.notice[role=status]"))).startsWith("已提交");
        assertThat(leader.pageText()).contains("既有住宅加装电梯试点", "张伟", "城市更新处", "建筑市场监管处",
                "党组会议", due.toString());
        String task = leader.path().replaceFirst("^/tasks/([^?]+).*$", "$1");

        Person staff = signIn(Role.UNIT_STAFF, RENEWAL_STAFF);
        staff.untilPageShows("/tasks/" + task, "既有住宅加装电梯试点");
        staff.pick(By.id("proposedDueDate"), later.toString());
        staff.type(By.id("reason"), "试点街道居民意见征询需延长三周");
        staff.submit(By.cssSelector("#form-deadline button[type=submit]"));
        assertThat(staff.text(By.cssSelector("p.notice[role=status]"))).startsWith("已提交");

        leader.untilShown("/", d -> d.findElements(By.cssSelector("section.work")).stream()
                .anyMatch(s -> s.getText().contains("待您决定的时限调整申请") && s.getText().contains("既有住宅加装电梯试点")));
        leader.click(By.cssSelector("section.work a[href^='/tasks/" + task + "']"));
        leader.type(By.id("note"), "同意，请按新时限推进");
        leader.submit(By.cssSelector("#form-decision button[value=approve]"));
        assertThat(leader.text(By.cssSelector("p.notice[role=status]"))).startsWith("已提交");
        assertThat(leader.text(By.xpath("//dt[.='现时限']/following-sibling::dd[1]"))).isEqualTo(later.toString());
        assertThat(leader.text(By.xpath("//dt[.='原定时限']/following-sibling::dd[1]"))).isEqualTo(due.toString());
        assertThat(leader.pageText()).contains(due + " → " + later);

        staff.untilShown("/ledger/" + month, d -> d.findElement(By.cssSelector("tr[data-task='" + task + "']"))
                .getText().contains(later.toString()));
        assertThat(staff.text(By.cssSelector("tr[data-task='" + task + "']"))).contains(due.toString());
    }
}
