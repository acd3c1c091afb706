package ledger.query.cadre;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ledger.kernel.bulletin.BulletinEntry;
import ledger.kernel.bulletin.BulletinEntryAddedEvent;
import ledger.kernel.bulletin.BulletinId;
import ledger.kernel.bulletin.BulletinPublishedEvent;
import ledger.kernel.bulletin.ErratumPublishedEvent;
import ledger.kernel.bulletin.EntryKind;
import ledger.kernel.evaluation.ScoreId;
import ledger.kernel.evaluation.ScoreRecordedEvent;
import ledger.kernel.evaluation.ScoreScale;
import ledger.kernel.evaluation.ScoreSubject;
import ledger.kernel.organisation.AwardKind;
import ledger.kernel.organisation.CadreAwardGrantedEvent;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.CadreRegisteredEvent;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Role;
import ledger.kernel.task.CompletionVerifiedEvent;
import ledger.kernel.task.DeadlineChangedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import ledger.evidence.EvidencePackage;
import ledger.evidence.VerifyEvidence;
import ledger.query.SignedInViewTest;
import ledger.query.TestNotary;
import ledger.store.audit.AuditStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the personnel office downloads for a selection: a cadre's evidence over a period, as JSON
 * and as a printable page, each line with its events; and the record as it stood at a moment.
 */
class PromotionEvidenceIntegrationTest extends SignedInViewTest {

    private static final Instant AT = Instant.parse("2031-03-01T02:00:00Z");

    private final String cadre = "cadre-evidence-" + UUID.randomUUID();

    @Autowired
    AuditStore audit;
    @TempDir
    Path dir;
    private final CadreId cadreId = new CadreId(cadre);

    @Test
    void the_evidence_of_a_period_sums_up_its_facts_and_names_every_event_behind_them() {
        publish("Cadre", cadre, 0, new CadreRegisteredEvent(cadreId, "王芳", new UnitId("unit-a"), "处长", true,
                LocalDate.parse("2028-01-01"), AT));
        String inside = "task-ev-in-" + UUID.randomUUID();
        String outside = "task-ev-out-" + UUID.randomUUID();
        String assigned = publish("Task", inside, 0, assigned(inside, "2031-03"));
        String verified = publish("Task", inside, 1, new CompletionVerifiedEvent(new TaskId(inside), "现场核验", AT,
                LocalDate.parse("2031-03-31"), true, AT));
        String assignedBefore = publish("Task", outside, 0, assigned(outside, "2030-11"));
        String march = score("2031-03", 80);
        String april = score("2031-04", 90);
        String december = score("2030-12", 40);
        long beforeAward = engine.lastReservedPosition();
        String award = publish("Cadre", cadre, 1, new CadreAwardGrantedEvent(cadreId, AwardKind.ADVANCED_WORKER, 2031,
                "<script>alert(1)</script>带头攻坚", AT));
        String highlight = publish("Bulletin", "bulletin-2031-04-" + cadre, 0, new BulletinEntryAddedEvent(
                BulletinId.of(YearMonth.parse("2031-04")), new BulletinEntry("entry-" + cadre, EntryKind.HIGHLIGHT,
                "提前完成安置房交付", null, List.of(cadre), null, null), AT));
        String published = publish("Bulletin", "bulletin-2031-04-" + cadre, 1, new BulletinPublishedEvent(
                BulletinId.of(YearMonth.parse("2031-04")), YearMonth.parse("2031-04"), 1, AT));
        long head = engine.lastReservedPosition();

        ResponseEntity<Map> evidence = as(Role.PERSONNEL_OFFICE).getForEntity("/api/cadres/" + cadre
                + "/evidence?from=2031-01-01&to=2031-12-31&minPosition=" + head, Map.class);

        assertThat(evidence.getStatusCode().value()).as(String.valueOf(evidence.getBody())).isEqualTo(200);
        Map<String, Object> body = evidence.getBody();
        assertThat((Map<String, Object>) body.get("taskSummary")).containsEntry("led", 1)
                .containsEntry("completedOnTime", 1).containsEntry("open", 0);
        assertThat((List<Map<String, Object>>) body.get("scoreAverages")).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("dimension", "timeliness").containsEntry("count", 2).containsEntry("average", 85.0));
        assertThat((List<?>) body.get("awards")).hasSize(1);
        assertThat((List<?>) body.get("highlights")).hasSize(1);
        assertThat((List<String>) body.get("eventIds")).contains(assigned, verified, march, april, award, highlight,
                        published)
                .doesNotContain(assignedBefore, december);

        ResponseEntity<String> printable = as(Role.PERSONNEL_OFFICE).getForEntity("/api/cadres/" + cadre
                + "/evidence?from=2031-01-01&to=2031-12-31&format=html&download=true", String.class);
        assertThat(printable.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(printable.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment")
                .contains("evidence-" + cadre + "-2031-01-01-2031-12-31.html");
        assertThat(printable.getBody()).contains("干部实绩材料", "王芳", "按期完成", "提前完成安置房交付", award)
                .contains("&lt;script&gt;").doesNotContain("<script>");

        // the record as it stood before the award, by position
        Map<String, Object> before = as(Role.PERSONNEL_OFFICE).getForObject("/api/cadres/" + cadre + "/record?asOf="
                + beforeAward, Map.class);
        assertThat((List<?>) before.get("awards")).isEmpty();
        assertThat((List<?>) before.get("scores")).hasSize(3);
        assertThat((List<?>) as(Role.PERSONNEL_OFFICE).getForObject("/api/cadres/" + cadre + "/record", Map.class)
                .get("awards")).hasSize(1);
    }

    /** Issue 11, item 2: an approved deadline change is the due date the record and the evidence show. */
    @Test
    void an_approved_deadline_change_is_the_due_date_of_the_record_and_the_evidence_with_its_event() {
        publish("Cadre", cadre, 0, new CadreRegisteredEvent(cadreId, "周涛", new UnitId("unit-a"), "处长", true,
                LocalDate.parse("2028-01-01"), AT));
        String task = "task-ev-deadline-" + UUID.randomUUID();
        String assigned = publish("Task", task, 0, assigned(task, "2033-05"));
        String changed = publish("Task", task, 1, new DeadlineChangedEvent(new TaskId(task), LocalDate.parse("2033-05-31"),
                LocalDate.parse("2033-06-30"), "拆迁协议未签", cadreId, AT));
        long head = engine.lastReservedPosition();

        Map<String, Object> record = as(Role.PERSONNEL_OFFICE).getForObject("/api/cadres/" + cadre
                + "/record?minPosition=" + head, Map.class);
        assertThat((List<Map<String, Object>>) record.get("tasksLed")).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("dueDate", "2033-06-30")
                .satisfies(x -> assertThat((List<String>) x.get("eventIds")).containsExactly(assigned, changed)));

        Map<String, Object> evidence = as(Role.PERSONNEL_OFFICE).getForObject("/api/cadres/" + cadre
                + "/evidence?from=2033-01-01&to=2033-12-31", Map.class);
        assertThat((List<Map<String, Object>>) evidence.get("tasksLed")).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("dueDate", "2033-06-30"));
        assertThat((List<String>) evidence.get("eventIds")).contains(assigned, changed);

        String printable = as(Role.PERSONNEL_OFFICE).getForObject("/api/cadres/" + cadre
                + "/evidence?from=2033-01-01&to=2033-12-31&format=html", String.class);
        assertThat(printable).contains("2033-06-30", changed).doesNotContain("2033-05-31");
    }

    /**
     * Issue 11, item 3: the evidence shows a bulletin problem as published with the erratum
     * beside it (JSON and print), and nothing of a bulletin still in draft.
     */
    @Test
    void the_evidence_shows_a_published_problem_with_its_erratum_beside_it_and_no_draft() {
        publish("Cadre", cadre, 0, new CadreRegisteredEvent(cadreId, "吴静", new UnitId("unit-a"), "处长", true,
                LocalDate.parse("2028-01-01"), AT));
        String june = "bulletin-2033-06-" + cadre;
        String entry = "entry-" + UUID.randomUUID();
        String added = publish("Bulletin", june, 0, new BulletinEntryAddedEvent(BulletinId.of(YearMonth.parse("2033-06")),
                new BulletinEntry(entry, EntryKind.PROBLEM, "棚改进度滞后10天", null, List.of(cadre), null, null), AT));
        String published = publish("Bulletin", june, 1, new BulletinPublishedEvent(
                BulletinId.of(YearMonth.parse("2033-06")), YearMonth.parse("2033-06"), 1, AT));
        String erratum = publish("Bulletin", june, 2, new ErratumPublishedEvent(BulletinId.of(YearMonth.parse("2033-06")),
                entry, "应为滞后7天", "天数计算有误", AT));
        // a July bulletin still in draft names the cadre too: not on the record until it is published
        String draft = publish("Bulletin", "bulletin-2033-07-" + cadre, 0, new BulletinEntryAddedEvent(
                BulletinId.of(YearMonth.parse("2033-07")), new BulletinEntry("entry-" + UUID.randomUUID(),
                EntryKind.PROBLEM, "草稿中的问题", null, List.of(cadre), null, null), AT));
        long head = engine.lastReservedPosition();

        Map<String, Object> evidence = as(Role.PERSONNEL_OFFICE).getForObject("/api/cadres/" + cadre
                + "/evidence?from=2033-01-01&to=2033-12-31&minPosition=" + head, Map.class);
        assertThat((List<Map<String, Object>>) evidence.get("problems")).singleElement().satisfies(problem -> {
            assertThat(problem).containsEntry("text", "棚改进度滞后10天").containsEntry("month", "2033-06");
            assertThat((List<Map<String, Object>>) problem.get("errata")).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("correction", "应为滞后7天").containsEntry("reason", "天数计算有误")
                    .containsEntry("eventId", erratum));
        });
        assertThat((List<String>) evidence.get("eventIds")).contains(added, published, erratum).doesNotContain(draft);
        assertThat((List<?>) as(Role.PERSONNEL_OFFICE).getForObject("/api/cadres/" + cadre + "/record", Map.class)
                .get("bulletinMentions")).hasSize(1);

        String printable = as(Role.PERSONNEL_OFFICE).getForObject("/api/cadres/" + cadre
                + "/evidence?from=2033-01-01&to=2033-12-31&format=html", String.class);
        assertThat(printable).contains("棚改进度滞后10天", "应为滞后7天", "天数计算有误", erratum)
                .doesNotContain("草稿中的问题");
    }

    @Test
    void the_evidence_comes_as_a_package_that_an_auditor_verifies_offline() throws Exception {
        publish("Cadre", cadre, 0, new CadreRegisteredEvent(cadreId, "孙丽", new UnitId("unit-a"), "处长", true,
                LocalDate.parse("2028-01-01"), AT));
        String inside = "task-pkg-" + UUID.randomUUID();
        publish("Task", inside, 0, assigned(inside, "2031-03"));
        score("2031-03", 88);
        long head = engine.lastReservedPosition();
        String query = "/api/cadres/" + cadre + "/evidence?from=2031-01-01&to=2031-12-31&minPosition=" + head;
        List<String> eventIds = (List<String>) as(Role.PERSONNEL_OFFICE).getForObject(query, Map.class).get("eventIds");
        String packageQuery = query.replace("/evidence?", "/evidence/package?");

        ResponseEntity<String> early = as(Role.PERSONNEL_OFFICE).getForEntity(packageQuery, String.class);
        assertThat(early.getStatusCode().value()).isEqualTo(503);

        TestNotary.pass(engine, audit);
        ResponseEntity<String> pkg = as(Role.PERSONNEL_OFFICE).getForEntity(packageQuery, String.class);

        assertThat(pkg.getStatusCode().value()).as(pkg.getBody()).isEqualTo(200);
        assertThat(pkg.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("evidence-package-" + cadre + "-2031-01-01-2031-12-31.json");
        EvidencePackage evidence = EvidencePackage.parse(pkg.getBody());
        assertThat(evidence.entries()).hasSize(eventIds.size()).hasSize(3);
        assertThat(evidence.subject()).isEqualTo(cadre);
        Path file = Files.writeString(dir.resolve("package.json"), pkg.getBody());
        Path key = Files.writeString(dir.resolve("key.pem"), TestNotary.KEY.publicKeyPem());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(VerifyEvidence.run(new String[] {file.toString(), "--key", key.toString()}, print, print))
                .as(out.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(as(Role.UNIT_STAFF).getForEntity(packageQuery, String.class).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void the_evidence_is_refused_to_other_staff_and_a_bad_period_is_named() {
        publish("Cadre", cadre, 0, new CadreRegisteredEvent(cadreId, "赵强", new UnitId("unit-a"), "科长", false,
                LocalDate.parse("2029-01-01"), AT));

        assertThat(as(Role.UNIT_STAFF).getForEntity("/api/cadres/" + cadre + "/evidence", Map.class)
                .getStatusCode().value()).isEqualTo(403);
        ResponseEntity<Map> badDay = as(Role.PERSONNEL_OFFICE).getForEntity("/api/cadres/" + cadre
                + "/evidence?from=2031-02-30", Map.class);
        assertThat(badDay.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(badDay.getBody())).contains("from");
        assertThat(as(Role.PERSONNEL_OFFICE).getForEntity("/api/cadres/" + cadre
                + "/evidence?from=2031-05-01&to=2031-04-01", Map.class).getStatusCode().value()).isEqualTo(400);
    }

    private String score(String month, int value) {
        String id = "score-ev-" + UUID.randomUUID();
        return publish("Score", id, 0, new ScoreRecordedEvent(new ScoreId(id), YearMonth.parse(month),
                new ScoreSubject(ScoreSubject.Kind.CADRE, cadre), "timeliness", new ScoreScale(0, 100), value, "依据",
                List.of(), AT));
    }

    private TaskAssignedEvent assigned(String task, String month) {
        return new TaskAssignedEvent(new TaskId(task), "安置房建设", null, TaskSource.MINISTRY, null, cadreId,
                new UnitId("unit-a"), List.of(), YearMonth.parse(month).atEndOfMonth(), YearMonth.parse(month), AT,
                List.of());
    }

    /** Stores one event and returns its id. */
    private String publish(String type, String aggregate, long sequence, Object payload) {
        GenericDomainEventMessage<Object> event = new GenericDomainEventMessage<>(type, aggregate, sequence, payload);
        events.publish(event);
        return event.getIdentifier();
    }
}
