package ledger.command.web.journey;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import ledger.command.audit.AuditNotary;
import ledger.kernel.security.Role;
import ledger.security.TestAccounts;
import ledger.store.MongoEventStorageEngine;
import ledger.store.StoreConnection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The discipline inspection group at its workbench in a real browser: searches by who acted, opens a task's
 * timeline at the event found, moves the as-of date, verifies the whole log; then, after a stored event was
 * altered directly in the database, the same verification names that event's position.
 */
class AuditJourneyTest extends BrowserJourney {

    @Autowired
    AuditNotary notary;
    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    MongoClient client;
    @Autowired
    StoreConnection connection;

    @Test
    void auditors_search_browse_a_timeline_as_it_stood_verify_and_see_an_altered_event_named() {
        YearMonth month = thisMonth().plusMonths(7);
        String task = assign("住房公积金贷款流程再造", HOUSING, List.of(), month.atDay(22), month);
        ResponseEntity<Map> progress = http.withBasicAuth(TestAccounts.username(Role.UNIT_STAFF), TestAccounts.PASSWORD)
                .postForEntity("/api/tasks/" + task + "/progress-reports",
                        Map.of("percent", 30, "narrative", "网上办理系统已上线试运行"), Map.class);
        assertThat(progress.getStatusCode().value()).isEqualTo(201);
        long reported = ((Number) progress.getBody().get("position")).longValue();

        Person auditor = signIn(Role.DISCIPLINE_INSPECTION);
        auditor.click(By.linkText("审计"));
        auditor.choose(By.name("actor"), "张伟（住房保障处）");
        auditor.submit(By.cssSelector("#search button[type=submit]"));
        String found = auditor.text(By.id("results"));
        assertThat(found).contains("交办任务", "住房公积金贷款流程再造", "张伟").doesNotContain("报告进展");

        // the timeline opens at the assignment: the task as it stood then, without the later report
        auditor.click(By.xpath("//table[@id='results']//tr[contains(., '住房公积金贷款流程再造')]//a"));
        assertThat(auditor.text(By.id("state"))).contains("尚未报告进展");
        assertThat(auditor.text(By.id("as-of"))).contains("此后另有");
        assertThat(auditor.text(By.id("events"))).doesNotContain("网上办理系统已上线试运行");
        auditor.pick(By.name("asOf"), today().toString());
        auditor.submit(By.cssSelector("form.filters button[type=submit]"));
        assertThat(auditor.text(By.id("state"))).contains("30%：网上办理系统已上线试运行");
        assertThat(auditor.text(By.id("events"))).contains("报告进展", "王芳");
        auditor.screenshot("audit-timeline-journey");

        notary.pass();
        auditor.go("/audit");
        auditor.submit(By.cssSelector("#verify button[type=submit]"));
        auditor.waitForText(By.id("verdict"), "校验通过：日志完整，未被篡改。");

        // a database administrator rewrites the report; the workbench's verification names its position
        MongoCollection<Document> commits = client.getDatabase(connection.database())
                .getCollection(MongoEventStorageEngine.EVENTS);
        Document original = engine.owners(reported, 1).get(reported);
        List<Document> events = original.getList("events", Document.class);
        int index = 0;
        while (((Number) events.get(index).get("position")).longValue() != reported) {
            index++;
        }
        commits.updateOne(eq("_id", original.get("_id")),
                Updates.set("events." + index + ".payload.narrative", "网上办理系统已全面上线"));
        try {
            auditor.submit(By.cssSelector("#verdict button[type=submit]"));
            auditor.waitForText(By.id("verdict"), "校验未通过：日志自第 " + reported + " 号位置起被篡改。");
            assertThat(auditor.text(By.id("verdict"))).contains("第 " + reported + " 号事件与存证时的内容不一致")
                    .doesNotContain("校验通过");
            auditor.screenshot("audit-verify-broken-journey");
        } finally {
            // the store is shared by every journey
            commits.replaceOne(eq("_id", original.get("_id")), original);
        }
    }
}
