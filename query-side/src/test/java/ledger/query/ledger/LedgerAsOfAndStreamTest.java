package ledger.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
import org.springframework.http.ResponseEntity;

/** The ledger as it stood at an earlier moment, and the live stream of a month. */
class LedgerAsOfAndStreamTest extends SignedInViewTest {

    @LocalServerPort
    int port;

    @Test
    void the_ledger_as_of_a_moment_does_not_show_what_changed_after_it() throws Exception {
        String task = "task-asof-" + UUID.randomUUID();
        publish(task, 0, assigned(task, "2031-05"));
        long assignedAt = engine.lastReservedPosition();
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        publish(task, 1, new ProgressReportedEvent(new TaskId(task), 60, "已完成六成", Instant.now(), null));
        long head = engine.lastReservedPosition();

        Map<String, Object> current = ledger("2031-05?minPosition=" + head);
        assertThat(progressOf(current, task)).containsEntry("percent", 60);

        Map<String, Object> byPosition = ledger("2031-05?asOf=" + assignedAt);
        // earlier months' open tasks of other tests are carried over into this month too: count the month's own
        assertThat(byPosition).containsEntry("asOfPosition", (int) assignedAt);
        assertThat(assignedFor(byPosition, "2031-05")).containsExactly(task);
        assertThat(progressOf(byPosition, task)).isNull();
        Map<String, Object> byInstant = ledger("2031-05?asOf=" + between.toString());
        assertThat(assignedFor(byInstant, "2031-05")).containsExactly(task);
        assertThat(progressOf(byInstant, task)).isNull();
        assertThat(assignedFor(ledger("2031-05?asOf=" + (assignedAt - 1)), "2031-05")).isEmpty();

        Map<String, Object> taskThen = as(Role.UNIT_STAFF).getForObject("/api/tasks/" + task + "?asOf=" + assignedAt,
                Map.class);
        assertThat(taskThen).containsEntry("progressReports", 0).containsEntry("version", 0);

        ResponseEntity<Map> nonsense = as(Role.UNIT_STAFF).getForEntity("/api/ledger/2031-05?asOf=last-tuesday",
                Map.class);
        assertThat(nonsense.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(nonsense.getBody())).contains("asOf");
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<Object> assignedFor(Map<String, Object> ledger, String month) {
        return ((java.util.List<Map<String, Object>>) ledger.get("tasks")).stream()
                .filter(row -> month.equals(row.get("ledgerMonth"))).map(row -> row.get("taskId")).toList();
    }

    @Test
    void a_subscriber_to_a_ledger_month_receives_each_change_as_it_happens_and_resumes_where_it_left() throws Exception {
        String task = "task-live-" + UUID.randomUUID();
        publish(task, 0, assigned(task, "2031-06"));

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> first = open("2031-06", null, lines);
        Map<String, String> assignment = awaitEvent(lines, task);
        assertThat(assignment).containsEntry("event", "task");
        assertThat(assignment.get("data")).contains("\"progressReports\":0");
        String firstId = assignment.get("id");

        publish(task, 1, new ProgressReportedEvent(new TaskId(task), 35, "拆迁完成", Instant.now(), null));
        assertThat(awaitEvent(lines, task).get("data")).contains("\"percent\":35");
        first.body().close();

        // reconnecting after the first event: only what came later
        BlockingQueue<String> resumed = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> second = open("2031-06", firstId, resumed);
        Map<String, String> next = awaitEvent(resumed, task);
        assertThat(next.get("data")).contains("\"percent\":35");
        assertThat(Long.parseLong(next.get("id"))).isGreaterThan(Long.parseLong(firstId));
        second.body().close();

        assertThat(as(Role.API_CLIENT).getForEntity("/api/ledger/2031-06/stream", String.class).getStatusCode().value())
                .isEqualTo(403);
    }

    private HttpResponse<Stream<String>> open(String month, String lastEventId, BlockingQueue<String> lines)
            throws Exception {
        return StreamReader.open("http://localhost:" + port + "/api/ledger/" + month + "/stream", Role.BUREAU_LEADER,
                "text/event-stream", lastEventId, lines);
    }

    /** The next server-sent event about the task, as its fields (other months' tasks never appear). */
    private static Map<String, String> awaitEvent(BlockingQueue<String> lines, String task) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Map<String, String> event = new java.util.HashMap<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.isEmpty()) {
                if (event.getOrDefault("data", "").contains(task)) {
                    return event;
                }
                event = new java.util.HashMap<>();
            } else if (line.contains(":") && !line.startsWith(":")) {
                event.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1));
            }
        }
        throw new AssertionError("no change of " + task + " arrived");
    }

    private Map<String, Object> ledger(String query) {
        ResponseEntity<Map> response = as(Role.UNIT_STAFF).getForEntity("/api/ledger/" + query, Map.class);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        return response.getBody();
    }

    private static Map<String, Object> progressOf(Map<String, Object> ledger, String task) {
        return ((List<Map<String, Object>>) ledger.get("tasks")).stream().filter(t -> task.equals(t.get("taskId")))
                .findFirst().map(t -> (Map<String, Object>) t.get("latestProgress")).orElse(null);
    }

    private static TaskAssignedEvent assigned(String task, String month) {
        return new TaskAssignedEvent(new TaskId(task), "城中村改造", null, TaskSource.MINISTRY, null,
                new CadreId("cadre-x"), new UnitId("unit-a"), List.of(), YearMonth.parse(month).atEndOfMonth(),
                YearMonth.parse(month), Instant.now(), List.of());
    }

    private void publish(String task, long sequence, Object payload) {
        events.publish(new GenericDomainEventMessage<>("Task", task, sequence, payload));
    }
}
