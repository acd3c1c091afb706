package ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Role;
import ledger.kernel.task.ProgressReportedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import ledger.query.SignedInViewTest;
import ledger.query.StreamReader;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The live feed: catches up from a position, continues with new events, resumes by Last-Event-ID. */
class EventStreamIntegrationTest extends SignedInViewTest {

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void an_ndjson_stream_catches_up_and_continues_live_in_position_order() throws Exception {
        long start = engine.lastReservedPosition(); // other tests share this store
        String task = "task-stream-" + UUID.randomUUID();
        assign(task);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = open("after=" + start + "&aggregate=" + task, "application/x-ndjson",
                null, lines);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-ndjson"));

        Map<String, Object> caughtUp = json.readValue(next(lines), Map.class);
        assertThat(caughtUp).containsEntry("type", "TaskAssignedEvent").containsEntry("aggregateId", task);

        events.publish(new GenericDomainEventMessage<>("Task", task, 1, new ProgressReportedEvent(new TaskId(task), 20,
                "开工", Instant.now(), null)));
        Map<String, Object> live = json.readValue(next(lines), Map.class);
        assertThat(live).containsEntry("type", "ProgressReportedEvent");
        assertThat(((Number) live.get("position")).longValue()).isGreaterThan(((Number) caughtUp.get("position")).longValue());
        stream.body().close();
    }

    @Test
    void a_server_sent_event_stream_resumes_after_the_last_event_id() throws Exception {
        String task = "task-sse-" + UUID.randomUUID();
        assign(task);
        events.publish(new GenericDomainEventMessage<>("Task", task, 1, new ProgressReportedEvent(new TaskId(task), 30,
                "推进", Instant.now(), null)));
        long assigned = engine.lastReservedPosition() - 1;

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = open("aggregate=" + task, "text/event-stream",
                Long.toString(assigned), lines);
        List<String> event = new ArrayList<>();
        while (event.isEmpty() || !event.get(event.size() - 1).isEmpty()) {
            event.add(next(lines));
        }
        assertThat(event).contains("event:ProgressReportedEvent", "id:" + (assigned + 1));
        stream.body().close();

        assertThat(as(Role.UNIT_STAFF).getForEntity("/api/events/stream", String.class).getStatusCode().value())
                .isEqualTo(403);
    }

    private void assign(String task) {
        events.publish(new GenericDomainEventMessage<>("Task", task, 0, new TaskAssignedEvent(new TaskId(task), "直播任务",
                null, TaskSource.MINISTRY, null, new CadreId("leader-li"), new UnitId("office"), List.of(),
                LocalDate.parse("2031-09-30"), YearMonth.parse("2031-09"), Instant.now(), List.of())));
    }

    private HttpResponse<Stream<String>> open(String query, String accept, String lastEventId,
                                              BlockingQueue<String> lines) throws Exception {
        return StreamReader.open("http://localhost:" + port + "/api/events/stream?" + query, Role.API_CLIENT, accept,
                lastEventId, lines);
    }

    private static String next(BlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(10, TimeUnit.SECONDS);
        assertThat(line).as("a line within 10 s").isNotNull();
        return line;
    }
}
