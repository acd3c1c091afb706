package ledger.command.web.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.YearMonth;
import java.util.List;

import ledger.command.audit.AuditNotary;
import ledger.evidence.EvidencePackage;
import ledger.evidence.EvidenceVerifier;
import ledger.kernel.security.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The supervision group's work in real browsers (part 2): three members draft, fill, sign and publish the
 * month's bulletin, one adds an erratum and the print view shows it with its verification code; and a score
 * correction that the requester cannot approve waits for a second member, both values then shown. Months far
 * ahead, so no other journey's ledger carries these tasks.
 */
class SupervisionJourneyTest extends BrowserJourney {

    @Autowired
    AuditNotary notary;

    @Test
    void three_members_publish_a_bulletin_an_erratum_follows_and_the_print_view_shows_both_with_its_code()
            throws Exception {
        YearMonth month = thisMonth().plusMonths(5);
        String task = assign("老旧小区雨污分流改造", HOUSING, List.of(), month.atDay(20), month);
        String page = "/bulletins/" + month;

        Person office = signIn(Role.BUREAU_OFFICE);
        office.click(By.linkText("督查通报"));
        office.pick(By.id("month"), month.toString());
        office.submit(By.cssSelector("#form-draft button[type=submit]"));
        assertThat(office.path()).startsWith(page);
        assertThat(office.pageText()).contains(month + "督查通报", "草稿");

        // the task and the evidence are picked from lists: the month's tasks, then the task's timeline
        office.choose(By.id("kind"), "工作亮点");
        office.type(By.id("text"), "雨污分流改造提前完成首批三个小区");
        office.choose(By.id("unitIds"), "住房保障处");
        office.choose(By.id("cadreIds"), "张伟（住房保障处）");
        office.choose(By.id("taskIds"), "老旧小区雨污分流改造");
        office.submit(By.cssSelector("#form-entry button[name=step][value=evidence]"));
        assertThat(office.pageText()).contains("老旧小区雨污分流改造 的事件");
        assertThat(office.find(By.id("text")).getAttribute("value")).as("what was typed is kept")
                .isEqualTo("雨污分流改造提前完成首批三个小区");
        WebElement assigned = office.find(By.xpath("//input[@name='evidenceEventIds']"
                + "[following-sibling::span[contains(., '交办任务')]]"));
        assigned.click();
        office.submit(By.cssSelector("#form-entry button.primary"));
        assertThat(office.text(By.cssSelector("p.notice[role=status]"))).startsWith("已提交");
        String entry = office.text(By.cssSelector("article.entry"));
        assertThat(entry).contains("工作亮点", "雨污分流改造提前完成首批三个小区", "住房保障处", "张伟",
                "老旧小区雨污分流改造", "交办任务").doesNotContain(task);

        office.submit(By.cssSelector("#form-sign button"));
        Person party = signIn(Role.ORGAN_PARTY_COMMITTEE);
        party.untilShown(page, d -> !d.findElements(By.id("form-sign")).isEmpty());
        party.submit(By.cssSelector("#form-sign button"));
        Person discipline = signIn(Role.DISCIPLINE_INSPECTION);
        discipline.untilShown(page, d -> !d.findElements(By.id("form-sign")).isEmpty());
        assertThat(discipline.findAll(By.id("form-entry"))).as("the oversight member signs, never drafts").isEmpty();
        discipline.submit(By.cssSelector("#form-sign button"));
        assertThat(discipline.pageText()).contains("陈静", "赵敏", "孙磊").doesNotContain("未会签");

        office.untilShown(page, d -> !d.findElements(By.id("form-publish")).isEmpty());
        office.submit(By.cssSelector("#form-publish button"));
        assertThat(office.pageText()).contains("已发布", "打印版");
        office.type(By.cssSelector("textarea[id^=correction-]"), "应为首批两个小区");
        office.type(By.cssSelector("input[id^=reason-]"), "第三个小区尚未通过验收");
        office.submit(By.cssSelector("form.erratum-form button"));
        assertThat(office.text(By.cssSelector("article.entry .erratum"))).contains("应为首批两个小区",
                "第三个小区尚未通过验收");

        notary.pass();
        Person staff = signIn(Role.UNIT_STAFF);
        staff.untilShown(page + "/print", d -> d.getPageSource().contains("<svg"));
        assertThat(staff.pageText()).contains(month.getYear() + "年" + month.getMonthValue() + "月督查通报",
                "雨污分流改造提前完成首批三个小区", "更正", "应为首批两个小区", "涉及单位：住房保障处", "核验码");
        staff.screenshot("bulletin-print-journey");
        staff.go(page + "/evidence");
        EvidencePackage evidence = EvidencePackage.parse(Files.readString(staff.downloaded()));
        assertThat(EvidenceVerifier.verify(evidence, null).valid()).isTrue();
        assertThat(staff.go(page + "/print").pageText()).contains(evidence.digest().substring(0, 8));
    }

    @Test
    void a_score_correction_waits_for_a_second_member_and_the_requester_never_sees_an_approve_button() {
        YearMonth month = thisMonth().plusMonths(6);
        assign("公租房配租复核", HOUSING, List.of(), month.atDay(18), month);
        String page = "/scores/" + month;

        Person office = signIn(Role.BUREAU_OFFICE);
        office.untilShown(page, d -> !d.findElements(By.id("form-score")).isEmpty());
        office.choose(By.id("subject"), "住房保障处");
        office.choose(By.id("dimension"), "推进进度");
        office.type(By.id("value"), "88");
        office.type(By.id("rationale"), "按期完成复核，群众反映良好");
        // the form's first button lists a picked task's events; the primary one gives the score
        office.submit(By.cssSelector("#form-score button.primary"));
        assertThat(office.pageText()).contains("已提交");
        WebElement row = office.waitFor(By.cssSelector("tr[id^=score-]"));
        String scoreId = row.getAttribute("id").substring("score-".length());
        assertThat(row.getText()).contains("住房保障处", "88", "陈静");

        office.click(By.cssSelector("#score-" + scoreId + " details summary"));
        office.type(By.id("newValue-" + scoreId), "80");
        office.type(By.id("reason-" + scoreId), "漏计一次逾期");
        office.submit(By.cssSelector("#score-" + scoreId + " form.correction-form button"));
        assertThat(office.text(By.id("score-" + scoreId))).contains("88 → 80", "漏计一次逾期", "须由另一名成员审核");
        assertThat(office.findAll(By.cssSelector("form[action$='/correction-approvals']")))
                .as("the requester is offered no approval of their own correction").isEmpty();

        Person party = signIn(Role.ORGAN_PARTY_COMMITTEE);
        party.untilShown(page, d -> !d.findElements(By.cssSelector("form[action$='/correction-approvals']")).isEmpty());
        party.submit(By.cssSelector("form[action$='/correction-approvals'] button"));
        String approved = party.text(By.id("score-" + scoreId));
        assertThat(approved).contains("80", "原评分 88", "陈静申请，赵敏审核同意").doesNotContain("待审核的更正");

        office.untilShown(page, d -> d.findElement(By.id("score-" + scoreId)).getText().contains("原评分 88"));
    }
}
