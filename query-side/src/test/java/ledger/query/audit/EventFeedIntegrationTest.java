package ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Role;
import ledger.query.SignedInViewTest;
import ledger.kernel.task.ProgressReportedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.Revision;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;

class EventFeedIntegrationTest extends SignedInViewTest {



    @Test
    void a_client_replays_the_feed_page_by_page_without_gaps_or_repeats_and_reads_a_timeline() {
        long start = engine.lastReservedPosition(); // other tests share this store
        for (int i = 0; i < 5; i++) {
            String id = "task-feed-" + i;
            events.publish(new GenericDomainEventMessage<>("Task", id, 0, new TaskAssignedEvent(new TaskId(id), "任务" + i,
                    null, TaskSource.MINISTRY, null, new CadreId("leader-li"), new UnitId("office"), List.of(),
                    LocalDate.parse("2026-09-30"), YearMonth.parse("2026-09"), Instant.parse("2026-09-01T01:00:00Z"),
                    List.of())));
        }
        events.publish(new GenericDomainEventMessage<>("Task", "task-feed-0", 1, new ProgressReportedEvent(
                new TaskId("task-feed-0"), 40, "推进中", Instant.parse("2026-09-05T01:00:00Z"), null)));
        TestRestTemplate client = as(Role.API_CLIENT);

        List<Object> seen = new ArrayList<>();
        long after = start;
        boolean end = false;
        while (!end) {
            Map<String, Object> page = client.getForObject("/api/events?limit=2&after=" + after, Map.class);
            for (Map<String, Object> event : (List<Map<String, Object>>) page.get("events")) {
                seen.add(event.get("position"));
            }
            after = ((Number) page.get("next")).longValue();
            end = (Boolean) page.get("endOfStream");
        }
        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
        assertThat(seen.stream().map(p -> ((Number) p).longValue()).toList()).isSorted();

        Map<String, Object> progress = client.getForObject("/api/events?types=ProgressReportedEvent&aggregate=task-feed-0", Map.class);
        assertThat((List<Map<String, Object>>) progress.get("events")).singleElement().satisfies(event -> {
            assertThat(event).containsEntry("aggregateId", "task-feed-0").containsEntry("type", "ProgressReportedEvent");
            assertThat((Map<String, Object>) event.get("payload")).containsEntry("narrative", "推进中");
        });
        Map<String, Object> timeline = client.getForObject("/api/timelines/tasks/task-feed-0", Map.class);
        List<Map<String, Object>> ofTask = (List<Map<String, Object>>) timeline.get("events");
        assertThat(ofTask).extracting(e -> e.get("type")).containsExactly("TaskAssignedEvent", "ProgressReportedEvent");
        // each event with the revision its type is at (an assignment is at its second)
        assertThat(ofTask).extracting(e -> e.get("revision")).containsExactly("2", "1");
        // the positions are the feed's: the timeline lines up with the global order
        assertThat(ofTask.get(0).get("position")).isEqualTo(seen.get(0));
        assertThat(ofTask.get(1).get("position")).isEqualTo(seen.get(5));

        // as it stood before the progress report
        Map<String, Object> then = client.getForObject("/api/timelines/tasks/task-feed-0?asOf=" + seen.get(4), Map.class);
        assertThat((List<?>) then.get("events")).hasSize(1);
        assertThat(then).containsEntry("version", 0);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.getForObject(
                "/api/timelines/tasks/task-feed-0?asOf=" + seen.get(4), Map.class).get("state") != null);
        assertThat((Map<String, Object>) client.getForObject("/api/timelines/tasks/task-feed-0?asOf=" + seen.get(4),
                Map.class).get("state")).containsEntry("progressReports", 0);
        assertThat((Map<String, Object>) client.getForObject("/api/timelines/tasks/task-feed-0", Map.class)
                .get("state")).isNotNull();
        assertThat(client.getForEntity("/api/timelines/cadres/task-feed-0", Map.class).getStatusCode().value())
                .isEqualTo(404);
        assertThat(client.getForEntity("/api/timelines/planets/task-feed-0", Map.class).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void a_cadres_timeline_shows_the_record_only_to_those_who_may_see_it() {
        String cadre = "cadre-timeline-" + java.util.UUID.randomUUID();
        events.publish(new GenericDomainEventMessage<>("Cadre", cadre, 0, new ledger.kernel.organisation.CadreRegisteredEvent(
                new CadreId(cadre), "周明", new UnitId("office"), "科员", false, LocalDate.parse("2030-01-01"),
                Instant.parse("2030-01-01T01:00:00Z"))));
        String head = Long.toString(engine.lastReservedPosition());

        Map<String, Object> auditors = as(Role.DISCIPLINE_INSPECTION).getForObject("/api/timelines/cadres/" + cadre
                + "?asOf=" + head, Map.class);
        assertThat((Map<String, Object>) auditors.get("state")).containsEntry("name", "周明");
        Map<String, Object> client = as(Role.API_CLIENT).getForObject("/api/timelines/cadres/" + cadre, Map.class);
        assertThat((List<?>) client.get("events")).hasSize(1);
        assertThat(client.get("state")).isNull();
    }

    /** A notice of no aggregate, as an event published on the bus rather than applied by an aggregate. */
    @Revision("1")
    record NoticePosted(String text) {
    }

    @Test
    void an_event_of_no_aggregate_names_none_in_the_feed_or_the_audit_index() {
        long start = engine.lastReservedPosition();
        EventMessage<?> notice = GenericEventMessage.asEventMessage(new NoticePosted("停水通知"));
        events.publish(notice);
        long head = engine.lastReservedPosition();

        Map<String, Object> feed = as(Role.API_CLIENT).getForObject("/api/events?after=" + start, Map.class);
        assertThat((List<Map<String, Object>>) feed.get("events")).singleElement().satisfies(event -> {
            assertThat(event).containsEntry("eventId", notice.getIdentifier()).containsEntry("type", "NoticePosted");
            assertThat(event.get("aggregateId")).isNull();
            assertThat(event.get("aggregateType")).isNull();
            assertThat(event.get("sequence")).isNull();
        });
        Map<String, Object> byAggregate = as(Role.API_CLIENT).getForObject("/api/events?after=" + start + "&aggregate="
                + notice.getIdentifier(), Map.class);
        assertThat((List<?>) byAggregate.get("events")).isEmpty();

        TestRestTemplate auditor = as(Role.DISCIPLINE_INSPECTION);
        // a test's own event type is no published one, so it is found by position, not by type
        Map<String, Object> indexed = auditor.getForObject("/api/audit/search?after=" + start
                + "&minPosition=" + head, Map.class);
        assertThat((List<Map<String, Object>>) indexed.get("events")).singleElement().satisfies(entry -> {
            assertThat(entry.get("aggregateId")).isNull();
            assertThat((List<?>) entry.get("concerning")).isEmpty();
        });
        Map<String, Object> concerning = auditor.getForObject("/api/audit/search?concerning=" + notice.getIdentifier(),
                Map.class);
        assertThat((List<?>) concerning.get("events")).isEmpty();
    }
}
