package ledger.command.web.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.security.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * (f) A task force from formation to decision: a bureau leader finds a stuck task in the ledger and forms a
 * task force from it; the page explains who may lead and refuses a personnel task force to a leader not in
 * charge of personnel, the problem as typed kept; formed as a business task force in the leader's area, it
 * meets, gives its feasibility opinion and refers the problem to the Party Group Meeting; the bureau office
 * records the meeting's decision, which moves the task's due date and lead unit; the leader dissolves the
 * task force. Keeps to the ledger two months ahead.
 */
class TaskForceJourneyTest extends BrowserJourney {

    @Test
    void a_task_force_from_formation_to_decision() {
        YearMonth month = thisMonth().plusMonths(2);
        LocalDate due = month.atDay(20);
        LocalDate decidedDue = month.plusMonths(1).atDay(10);
        String title = "城中村改造安置房建设";
        String task = assign(title, RENEWAL, List.of(MARKET), due, month);
        String problem = "安置房用地征收补偿标准不一，群众签约率低";

        Person leader = signIn(Role.BUREAU_LEADER);
        leader.untilPageShows("/ledger/" + month, title);
        leader.click(By.linkText(title));
        leader.click(By.linkText("推进受阻？成立工作难题专班"));
        assertThat(leader.text(By.id("lead-rule"))).contains("人事类难题：由分管人事的局领导牵头",
                "业务类难题：由分管该领域的局领导牵头", "您分管：住房保障、城市更新", "您不分管人事。");

        // a personnel task force is not this leader's to lead: refused in Chinese, nothing typed is lost
        leader.type(By.id("problem"), problem);
        leader.click(By.cssSelector("input[name=kind][value=PERSONNEL]"));
        leader.choose(By.id("memberUnitIds"), "住房保障处");
        leader.submit(By.cssSelector("#form-task-force button[type=submit]"));
        assertThat(leader.text(By.cssSelector("#form-task-force .problem"))).isEqualTo("人事类专班须由分管人事的局领导牵头。");
        assertThat(leader.find(By.id("problem")).getAttribute("value")).isEqualTo(problem);

        leader.click(By.cssSelector("input[name=kind][value=BUSINESS]"));
        leader.type(By.id("area"), "城市更新");
        leader.submit(By.cssSelector("#form-task-force button[type=submit]"));
        assertThat(leader.text(By.tagName("h1"))).contains(problem, "工作中");
        assertThat(leader.pageText()).contains("业务类难题（城市更新）", "张伟", "住房保障处", title);

        leader.pick(By.id("heldOn"), today().toString());
        leader.type(By.id("minutes"), "议定统一补偿标准，先行在两个村试点");
        leader.submit(By.cssSelector("#form-meeting button[type=submit]"));
        leader.type(By.id("opinion"), "统一按区政府2026年标准补偿，安置房分两期建设，可行");
        leader.submit(By.cssSelector("#form-opinion button[type=submit]"));
        leader.choose(By.id("referral-meeting"), "局党组会");
        leader.submit(By.cssSelector("#form-referral button[type=submit]"));
        assertThat(leader.text(By.tagName("h1"))).contains("已提交局党组会，待决定");
        assertThat(leader.pageText()).contains("议定统一补偿标准，先行在两个村试点", "统一按区政府2026年标准补偿，安置房分两期建设，可行");
        assertThat(leader.findAll(By.id("form-decision"))).as("the decision is the bureau office's to record").isEmpty();

        Person office = signIn(Role.BUREAU_OFFICE);
        office.untilPageShows("/task-forces", problem);
        office.click(By.linkText(problem));
        office.type(By.id("decisionRef"), "党组会〔2026〕12号");
        office.type(By.id("decision"), "同意统一补偿标准；安置房建设时限顺延，改由住房保障处牵头");
        office.pick(By.id("newDueDate"), decidedDue.toString());
        office.choose(By.id("newLeadUnitId"), "住房保障处");
        office.click(By.name("problemResolved"));
        office.submit(By.cssSelector("#form-decision button[type=submit]"));
        assertThat(office.pageText()).contains("局党组会 党组会〔2026〕12号", "同意统一补偿标准；安置房建设时限顺延，改由住房保障处牵头",
                title + "：", "完成时限调整为" + decidedDue, "改由住房保障处牵头办理", "难题已解决");

        // the decision flows back to the task: its new due date and lead unit, the original date kept
        By row = By.cssSelector("tr[data-task='" + task + "']");
        leader.untilShown("/ledger/" + month, d -> !d.findElements(row).isEmpty()
                && d.findElement(row).getText().contains(decidedDue.toString()));
        assertThat(leader.text(row)).contains(due.toString(), "住房保障处");

        leader.untilShown("/task-forces", d -> d.getPageSource().contains(problem));
        leader.click(By.linkText(problem));
        leader.type(By.id("outcome"), "补偿标准统一，安置房按新时限建设");
        leader.submit(By.cssSelector("#form-dissolve button[type=submit]"));
        assertThat(leader.text(By.tagName("h1"))).contains("已撤销");
        assertThat(leader.pageText()).contains("补偿标准统一，安置房按新时限建设");
        leader.screenshot("task-force");
    }
}
