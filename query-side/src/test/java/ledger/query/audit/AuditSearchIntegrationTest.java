package ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ledger.kernel.bulletin.BulletinEntry;
import ledger.kernel.bulletin.BulletinEntryAddedEvent;
import ledger.kernel.bulletin.BulletinId;
import ledger.kernel.bulletin.EntryKind;
import ledger.kernel.bulletin.ErratumPublishedEvent;
import ledger.kernel.evaluation.ScoreCorrectedEvent;
import ledger.kernel.evaluation.ScoreCorrectionRequestedEvent;
import ledger.kernel.evaluation.ScoreId;
import ledger.kernel.evaluation.ScoreRecordedEvent;
import ledger.kernel.evaluation.ScoreScale;
import ledger.kernel.evaluation.ScoreSubject;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Role;
import ledger.kernel.shared.MetadataKeys;
import ledger.kernel.task.ProgressReportedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import ledger.kernel.taskforce.FeasibilityOpinionSubmittedEvent;
import ledger.kernel.taskforce.ProblemKind;
import ledger.kernel.taskforce.TaskForceFormedEvent;
import ledger.kernel.taskforce.TaskForceId;
import ledger.query.SignedInViewTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The discipline inspection group finds events by who did them, whom they concern, type and time. */
class AuditSearchIntegrationTest extends SignedInViewTest {

    @Test
    void auditors_find_events_by_actor_by_whom_they_concern_by_type_and_by_time() throws Exception {
        String run = UUID.randomUUID().toString();
        String director = "cadre-director-" + run;
        String clerk = "cadre-clerk-" + run;
        String leader = "cadre-leader-" + run;
        String coUnit = "unit-co-" + run;
        String task = "task-search-" + run;
        String score = "score-search-" + run;

        publish(task, 0, new TaskAssignedEvent(new TaskId(task), "排水改造", null, TaskSource.MINISTRY, null,
                new CadreId(leader), new UnitId("unit-a"), List.of(new UnitId(coUnit)), LocalDate.parse("2031-10-31"),
                YearMonth.parse("2031-10"), Instant.now(), List.of()), director);
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        publish(task, 1, new ProgressReportedEvent(new TaskId(task), 50, "过半", Instant.now(), null), clerk);
        events.publish(new GenericDomainEventMessage<>("Score", score, 0, new ScoreRecordedEvent(new ScoreId(score),
                YearMonth.parse("2031-10"), new ScoreSubject(ScoreSubject.Kind.CADRE, leader), "quality",
                new ScoreScale(0, 100), 70, "一般", List.of("some-event-id"), Instant.now()),
                MetaData.with(MetadataKeys.ACTOR_ID, director)));
        long head = engine.lastReservedPosition();
        TestRestTemplate auditor = as(Role.DISCIPLINE_INSPECTION);

        assertThat(types(auditor, "actor=" + director + "&minPosition=" + head))
                .containsExactly("TaskAssignedEvent", "ScoreRecordedEvent");
        assertThat(types(auditor, "actor=" + clerk)).containsExactly("ProgressReportedEvent");
        // a leader is concerned by the task they lead and by a score of them; a co-unit by the assignment
        assertThat(types(auditor, "concerning=" + leader)).containsExactly("TaskAssignedEvent", "ScoreRecordedEvent");
        assertThat(types(auditor, "concerning=" + coUnit)).containsExactly("TaskAssignedEvent");
        assertThat(types(auditor, "concerning=" + task)).containsExactly("TaskAssignedEvent", "ProgressReportedEvent");
        assertThat(types(auditor, "concerning=some-event-id")).isEmpty();
        assertThat(types(auditor, "concerning=" + leader + "&types=ScoreRecordedEvent")).containsExactly("ScoreRecordedEvent");
        assertThat(types(auditor, "concerning=" + task + "&to=" + between)).containsExactly("TaskAssignedEvent");
        assertThat(types(auditor, "concerning=" + task + "&from=" + between)).containsExactly("ProgressReportedEvent");

        Map<String, Object> first = auditor.getForObject("/api/audit/search?concerning=" + task + "&limit=1", Map.class);
        assertThat(first).containsEntry("more", true);
        Map<String, Object> second = auditor.getForObject("/api/audit/search?concerning=" + task + "&limit=1&after="
                + first.get("next"), Map.class);
        assertThat(second).containsEntry("more", false);
        assertThat(((List<Map<String, Object>>) second.get("events")).get(0)).containsEntry("type", "ProgressReportedEvent")
                .containsEntry("actorId", clerk);

        assertThat(as(Role.API_CLIENT).getForEntity("/api/audit/search?actor=" + director, Map.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(auditor.getForEntity("/api/audit/search?from=yesterday", Map.class).getStatusCode().value())
                .isEqualTo(400);
    }

    @org.springframework.beans.factory.annotation.Autowired
    AuditPostings postings;

    /**
     * Issue 17, item 3: a search by actor or subject reads that key's postings, not the whole index;
     * an index built before the postings existed is adopted once and answers the same meanwhile.
     */
    @Test
    void searches_by_actor_and_subject_are_key_lookups_and_an_older_index_is_adopted() throws Exception {
        String run = UUID.randomUUID().toString();
        String clerk = "cadre-clerk-" + run;
        String task = "task-postings-" + run;
        publish(task, 0, new TaskAssignedEvent(new TaskId(task), "管网普查", null, TaskSource.MINISTRY, null,
                new CadreId("cadre-leader-" + run), new UnitId("unit-a"), List.of(), LocalDate.parse("2031-10-31"),
                YearMonth.parse("2031-10"), Instant.now(), List.of()), clerk);
        for (int i = 1; i <= 5; i++) {
            publish(task, i, new ProgressReportedEvent(new TaskId(task), 10 * i, "第" + i + "次", Instant.now(), null), clerk);
        }
        long head = engine.lastReservedPosition();
        TestRestTemplate auditor = as(Role.DISCIPLINE_INSPECTION);
        List<Object> byActor = types(auditor, "actor=" + clerk + "&minPosition=" + head);
        assertThat(byActor).hasSize(6).startsWith("TaskAssignedEvent");
        await(() -> postings.completeFrom(0));
        List<Long> filed = new java.util.ArrayList<>();
        postings.positions(AuditPostings.actor(clerk), 0, bucket -> filed.addAll(bucket));
        assertThat(filed).hasSize(6).isSorted();
        List<Object> paged = new java.util.ArrayList<>();
        long after = 0;
        for (boolean more = true; more; ) {
            Map<String, Object> page = auditor.getForObject("/api/audit/search?concerning=" + task + "&limit=4&after="
                    + after, Map.class);
            ((List<Map<String, Object>>) page.get("events")).forEach(e -> paged.add(e.get("type")));
            more = (Boolean) page.get("more");
            after = ((Number) page.get("next")).longValue();
        }
        assertThat(paged).isEqualTo(byActor);

        postings.clear(); // as a store from before the postings: no postings, no marker
        assertThat(postings.completeFrom(0)).isFalse();
        assertThat(types(auditor, "actor=" + clerk)).as("answered by the index meanwhile").isEqualTo(byActor);
        postings.adoptOnce();
        await(() -> postings.completeFrom(0));
        assertThat(types(auditor, "actor=" + clerk)).isEqualTo(byActor);
        assertThat(types(auditor, "concerning=" + task + "&types=ProgressReportedEvent")).hasSize(5);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited a minute").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /**
     * Issue 11, item 4: "concerning" follows the subject through the aggregate. The README's own
     * example finds the correction of a score about the cadre, though the correction names only
     * the score; an erratum is found under the units and cadres of the entry it corrects (not of
     * the bulletin's other entries); a task force's later events under its tasks.
     */
    @Test
    void concerning_follows_an_events_subject_through_its_aggregate() {
        String run = UUID.randomUUID().toString();
        String cadre = "cadre-deputy-zhang";
        String score = "score-followed-" + run;
        ScoreId scoreId = new ScoreId(score);
        String recorded = publishAs("Score", score, 0, new ScoreRecordedEvent(scoreId, YearMonth.parse("2031-10"),
                new ScoreSubject(ScoreSubject.Kind.CADRE, cadre), "timeliness", new ScoreScale(0, 100), 78, "两项节点延误",
                List.of(), Instant.now()));
        String requested = publishAs("Score", score, 1, new ScoreCorrectionRequestedEvent(scoreId, 78, 85, "上级调整",
                "cadre-a", Instant.now()));
        String corrected = publishAs("Score", score, 2, new ScoreCorrectedEvent(scoreId, 78, 85, "上级调整", "cadre-a",
                "cadre-b", Instant.now()));

        String bulletin = "bulletin-followed-" + run;
        String unitNamed = "unit-named-" + run;
        String otherUnit = "unit-other-" + run;
        String cadreNamed = "cadre-named-" + run;
        BulletinId month = BulletinId.of(YearMonth.parse("2031-10"));
        publishAs("Bulletin", bulletin, 0, new BulletinEntryAddedEvent(month, new BulletinEntry("entry-1-" + run,
                EntryKind.PROBLEM, "进度滞后10天", List.of(unitNamed), List.of(cadreNamed), null, null), Instant.now()));
        publishAs("Bulletin", bulletin, 1, new BulletinEntryAddedEvent(month, new BulletinEntry("entry-2-" + run,
                EntryKind.HIGHLIGHT, "提前完成", List.of(otherUnit), null, null, null), Instant.now()));
        String erratum = publishAs("Bulletin", bulletin, 2, new ErratumPublishedEvent(month, "entry-1-" + run,
                "应为滞后7天", "天数计算有误", Instant.now()));

        String taskForce = "tf-followed-" + run;
        String stuckTask = "task-stuck-" + run;
        publishAs("TaskForce", taskForce, 0, new TaskForceFormedEvent(new TaskForceId(taskForce), "产权不清",
                ProblemKind.BUSINESS, "城市更新", new CadreId("cadre-lead-" + run), List.of(new UnitId(unitNamed)),
                List.of(new TaskId(stuckTask)), Instant.now()));
        String opinion = publishAs("TaskForce", taskForce, 1, new FeasibilityOpinionSubmittedEvent(
                new TaskForceId(taskForce), "先行整改", Instant.now()));
        long head = engine.lastReservedPosition();
        TestRestTemplate auditor = as(Role.DISCIPLINE_INSPECTION);

        // the README's example, narrowed to this run's score
        Map<String, Object> readme = auditor.getForObject("/api/audit/search?concerning=cadre-deputy-zhang"
                + "&types=ScoreCorrectedEvent&limit=1000&minPosition=" + head, Map.class);
        assertThat((List<Map<String, Object>>) readme.get("events")).filteredOn(e -> score.equals(e.get("aggregateId")))
                .singleElement().satisfies(e -> assertThat(e).containsEntry("eventId", corrected)
                        .satisfies(x -> assertThat((List<String>) x.get("concerning")).contains(score, cadre)));
        assertThat(eventIds(auditor, "concerning=" + cadre + "&limit=1000")).contains(recorded, requested, corrected);

        assertThat(eventIds(auditor, "concerning=" + unitNamed + "&types=ErratumPublishedEvent")).containsExactly(erratum);
        assertThat(eventIds(auditor, "concerning=" + cadreNamed + "&types=ErratumPublishedEvent")).containsExactly(erratum);
        assertThat(eventIds(auditor, "concerning=" + otherUnit + "&types=ErratumPublishedEvent")).isEmpty();

        assertThat(eventIds(auditor, "concerning=" + stuckTask)).contains(opinion);
    }

    private String publishAs(String type, String aggregate, long sequence, Object payload) {
        GenericDomainEventMessage<Object> event = new GenericDomainEventMessage<>(type, aggregate, sequence, payload,
                MetaData.with(MetadataKeys.ACTOR_ID, "cadre-office-" + type));
        events.publish(event);
        return event.getIdentifier();
    }

    private static List<Object> eventIds(TestRestTemplate auditor, String query) {
        Map<String, Object> page = auditor.getForObject("/api/audit/search?" + query, Map.class);
        return ((List<Map<String, Object>>) page.get("events")).stream().map(e -> e.get("eventId")).toList();
    }

    private void publish(String task, long sequence, Object payload, String actor) {
        events.publish(new GenericDomainEventMessage<>("Task", task, sequence, payload,
                MetaData.with(MetadataKeys.ACTOR_ID, actor)));
    }

    private static List<Object> types(TestRestTemplate auditor, String query) {
        Map<String, Object> page = auditor.getForObject("/api/audit/search?" + query, Map.class);
        return ((List<Map<String, Object>>) page.get("events")).stream().map(e -> e.get("type")).toList();
    }
}
