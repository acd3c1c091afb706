package ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    private void publish(String task, long sequence, Object payload, String actor) {
        events.publish(new GenericDomainEventMessage<>("Task", task, sequence, payload,
                MetaData.with(MetadataKeys.ACTOR_ID, actor)));
    }

    private static List<Object> types(TestRestTemplate auditor, String query) {
        Map<String, Object> page = auditor.getForObject("/api/audit/search?" + query, Map.class);
        return ((List<Map<String, Object>>) page.get("events")).stream().map(e -> e.get("type")).toList();
    }
}
