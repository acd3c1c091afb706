package ledger.command.web.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import ledger.kernel.security.Role;
import ledger.security.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The personnel office's day on 组织与人事: it registers a new cadre, records her annual assessment and asks for
 * a correction (which waits for someone else), grants an award, records front-line work on a task picked from
 * the ledger, a mistake with its error-tolerance decision, and opens her account. Keeps to the ledger month two
 * ahead (the other journeys use this month, one, three and four ahead).
 */
class PersonnelJourneyTest extends BrowserJourney {

    @Test
    void the_personnel_office_registers_a_cadre_and_records_her_assessment() {
        YearMonth month = thisMonth().plusMonths(2);
        String task = assign("住房租赁市场专项整治", MARKET, List.of(), month.atDay(20), month);
        var personnel = http.withBasicAuth(TestAccounts.username(Role.PERSONNEL_OFFICE), TestAccounts.PASSWORD);
        // the personnel office's own person and units of the other kinds, so the lists show every group
        personnel.postForEntity("/api/cadres", Map.of("cadreId", TestAccounts.personId(Role.PERSONNEL_OFFICE),
                "name", NAMES.get(Role.PERSONNEL_OFFICE), "unitId", OFFICE, "position", "人事科科长", "partyMember", true,
                "since", "2024-01-01"), Map.class);
        personnel.postForEntity("/api/units", Map.of("unitId", "unit-fund", "name", "住房公积金管理中心",
                "kind", "AFFILIATED_UNIT"), Map.class);
        personnel.postForEntity("/api/units", Map.of("unitId", "unit-discipline", "name", "驻局纪检监察组",
                "kind", "STATIONED_DISCIPLINE_GROUP"), Map.class);
        personnel.postForEntity("/api/units/" + HOUSING + "/head-appointments", Map.of("cadreId",
                TestAccounts.personId(Role.UNIT_HEAD), "effectiveOn", "2024-01-01"), Map.class);

        Person office = signIn(Role.PERSONNEL_OFFICE);
        office.click(By.linkText("组织与人事"));
        office.type(By.id("register-name"), "周敏");
        office.choose(By.id("register-unitId"), "住房保障处");
        office.type(By.id("register-position"), "科员");
        office.click(By.name("partyMember"));
        office.pick(By.id("register-since"), "2025-07-01");
        office.submit(By.cssSelector("#form-register button[type=submit]"));
        assertThat(office.text(By.cssSelector("p.notice[role=status]"))).isEqualTo("干部已登记。");
        assertThat(office.text(By.id("cadres"))).contains("周敏 住房保障处 科员 2025年7月1日 是");
        assertThat(office.text(By.id("group-DIVISIONS"))).contains("住房保障处 李强", "周敏（科员）");
        office.screenshot("organisation-units");

        office.click(By.linkText("考核"));
        office.choose(By.id("assessment-cadreId"), "周敏 · 住房保障处 科员");
        office.choose(By.id("assessment-kind"), "年度考核");
        office.type(By.id("assessment-period"), "2025年度");
        office.pick(By.id("assessment-periodEnd"), "2025-12-31");
        office.choose(By.id("assessment-grade"), "称职");
        office.submit(By.cssSelector("#form-assessment button[type=submit]"));
        assertThat(office.text(By.cssSelector("p.notice[role=status]"))).isEqualTo("考核已记录。");
        assertThat(office.pageText()).contains("周敏", "年度考核", "2025年度", "称职");
        office.click(By.cssSelector("details summary"));
        office.choose(By.cssSelector("details select[name=newGrade]"), "优秀");
        office.type(By.cssSelector("details input[name=reason]"), "漏报年度获奖情况");
        office.submit(By.cssSelector("details button[type=submit]"));
        assertThat(office.pageText()).contains("待审核的更正：称职 → 优秀（漏报年度获奖情况；刘洋申请）",
                "须由申请人以外的另一人审核").doesNotContain("同意更正");
        office.screenshot("organisation-assessments");

        office.click(By.linkText("双创双争"));
        office.choose(By.id("award-subject"), "周敏 · 住房保障处");
        office.choose(By.id("award-award"), "先进工作者（授予个人）");
        office.type(By.id("award-citation"), "保障房分配零差错");
        office.submit(By.cssSelector("#form-award button[type=submit]"));
        office.choose(By.id("award-subject"), "住房保障处");
        office.choose(By.id("award-award"), "文明处室（授予单位）");
        office.type(By.id("award-citation"), "窗口服务群众满意率全局第一");
        office.submit(By.cssSelector("#form-award button[type=submit]"));
        assertThat(office.pageText()).contains("先进工作者", "保障房分配零差错", "文明处室", "窗口服务群众满意率全局第一");
        office.screenshot("organisation-awards");

        office.click(By.linkText("一线记实"));
        office.choose(By.id("front-cadreId"), "周敏 · 住房保障处 科员");
        office.choose(By.id("front-kind"), "急难险重");
        office.choose(By.id("front-taskId"), "住房租赁市场专项整治");
        office.type(By.id("front-performance"), "连续两周驻点核查租赁房源");
        office.pick(By.id("front-on"), month.atDay(8).toString());
        office.submit(By.cssSelector("#form-front-line button[type=submit]"));
        assertThat(office.pageText()).contains("一线表现已记录。", "住房租赁市场专项整治", "连续两周驻点核查租赁房源");
        assertThat(office.find(By.linkText("住房租赁市场专项整治")).getAttribute("href")).endsWith("/tasks/" + task);
        office.screenshot("organisation-front-line");

        office.click(By.linkText("失误与容错"));
        office.choose(By.id("mistake-cadreId"), "周敏 · 住房保障处 科员");
        office.type(By.id("mistake-description"), "租赁补贴初审漏核一户收入材料");
        office.pick(By.id("mistake-occurredOn"), "2026-03-12");
        office.submit(By.cssSelector("#form-mistake button[type=submit]"));
        office.choose(By.id("tolerance-mistake"), "周敏 · 2026年3月12日 · 租赁补贴初审漏核一户收入材料");
        office.type(By.id("tolerance-experimentVersusViolation"), "系试行线上初审中缺乏经验所致，非明知故犯");
        office.type(By.id("tolerance-publicVersusPrivate"), "为加快补贴发放，未谋取私利");
        office.type(By.id("tolerance-unawareVersusKnowing"), "当时尚无线上初审的明确规定");
        office.type(By.id("tolerance-ref"), "局党组会议纪要〔2026〕9号");
        office.submit(By.cssSelector("#form-tolerance button[type=submit]"));
        assertThat(office.pageText()).contains("容错决定已记录。", "为加快补贴发放，未谋取私利", "局党组会议纪要〔2026〕9号");
        office.screenshot("organisation-mistakes");

        office.click(By.linkText("工作人员账号"));
        office.choose(By.id("account-cadreId"), "周敏 · 住房保障处 科员");
        office.choose(By.id("account-role"), "处室工作人员");
        office.type(By.id("account-username"), "zhoumin");
        office.submit(By.cssSelector("#form-account button[type=submit]"));
        assertThat(office.pageText()).contains("已为 周敏 开通账号。", "此密码只显示这一次");
        office.click(By.linkText("返回工作人员账号"));
        assertThat(office.text(By.id("accounts"))).contains("zhoumin 周敏 住房保障处 处室工作人员 正常");
        office.screenshot("organisation-accounts");

        Person leader = signIn(Role.BUREAU_LEADER);
        leader.go("/organisation/assessments");
        leader.submit(By.cssSelector("form[action='/organisation/assessment-approvals'] button"));
        assertThat(leader.pageText()).contains("更正已审核通过。", "优秀", "原等次：称职（漏报年度获奖情况）");
    }
}
