package ledger.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.ProgressReportedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import ledger.kernel.security.Role;
import ledger.query.TestNotary;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.store.MongoEventStorageEngine;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.query.max-wait=3s",
                "ledger.security.bcrypt-strength=4"})
@Import(TestNotary.Sealing.class)
class LedgerQueryIntegrationTest {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    TestRestTemplate http;

    @BeforeEach
    void signIn() {
        TestAccounts.ensure(accounts, passwords);
        http = anonymous.withBasicAuth(TestAccounts.username(Role.UNIT_STAFF), TestAccounts.PASSWORD);
    }
    @Autowired
    EventStore events;
    @Autowired
    MongoEventStorageEngine engine;

    @Test
    void the_ledger_lists_the_months_tasks_in_assignment_order_with_their_latest_progress() {
        assign("task-a", "2026-04", "2026-04-01T01:00:00Z");
        assign("task-b", "2026-04", "2026-04-01T02:00:00Z");
        assign("task-c", "2026-05", "2026-05-01T01:00:00Z");
        events.publish(new GenericDomainEventMessage<>("Task", "task-a", 1,
                new ProgressReportedEvent(new TaskId("task-a"), 55, "已完成征收", Instant.parse("2026-04-10T01:00:00Z"), null)));

        ResponseEntity<Map> response = http.getForEntity("/api/ledger/2026-04?minPosition=" + engine.lastReservedPosition(),
                Map.class);

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getFirst("X-Ledger-Position")).isNotNull();
        assertThat(response.getBody()).containsEntry("month", "2026-04").containsEntry("taskCount", 2);
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) response.getBody().get("tasks");
        assertThat(tasks).extracting(t -> t.get("taskId")).containsExactly("task-a", "task-b");
        assertThat((Map<String, Object>) tasks.get(0).get("latestProgress"))
                .containsEntry("percent", 55).containsEntry("narrative", "已完成征收");
        assertThat(tasks.get(1).get("latestProgress")).isNull();
    }

    @Test
    void the_ledger_filters_pages_in_a_stable_order_and_totals_per_unit_and_leader() {
        assign("task-f1", "2026-06", "2026-06-01T01:00:00Z", "unit-x", "leader-zhao");
        assign("task-f2", "2026-06", "2026-06-01T02:00:00Z", "unit-y", "leader-zhao");
        assign("task-f3", "2026-06", "2026-06-01T03:00:00Z", "unit-x", "leader-wang");
        events.publish(new GenericDomainEventMessage<>("Task", "task-f3", 1,
                new DeadlineMissedEvent(new TaskId("task-f3"), LocalDate.parse("2026-06-30"), Instant.parse("2026-07-01T01:00:00Z"))));
        String wait = "minPosition=" + engine.lastReservedPosition();

        Map<String, Object> unitX = http.getForObject("/api/ledger/2026-06?unit=unit-x&size=1&" + wait, Map.class);
        assertThat(unitX).containsEntry("taskCount", 2).containsEntry("size", 1);
        assertThat((List<Map<String, Object>>) unitX.get("tasks")).extracting(t -> t.get("taskId"))
                .containsExactly("task-f1");
        Map<String, Object> secondPage = http.getForObject("/api/ledger/2026-06?unit=unit-x&size=1&page=1", Map.class);
        assertThat((List<Map<String, Object>>) secondPage.get("tasks")).extracting(t -> t.get("taskId"))
                .containsExactly("task-f3");
        Map<String, Object> overdue = http.getForObject("/api/ledger/2026-06?status=OVERDUE", Map.class);
        assertThat((List<Map<String, Object>>) overdue.get("tasks")).extracting(t -> t.get("taskId"))
                .containsExactly("task-f3");

        // the store is shared: earlier months' open tasks of other tests are carried into June's totals
        assertThat((List<Map<String, Object>>) unitX.get("totalsByUnit"))
                .containsSubsequence(Map.of("id", "unit-x", "assigned", 2, "completedOnTime", 0, "completedLate", 0,
                                "overdue", 1, "atRisk", 0, "escalated", 0, "cancelledOrMerged", 0),
                        Map.of("id", "unit-y", "assigned", 1, "completedOnTime", 0, "completedLate", 0,
                                "overdue", 0, "atRisk", 0, "escalated", 0, "cancelledOrMerged", 0));
        assertThat((List<Map<String, Object>>) unitX.get("totalsByLeader")).extracting(t -> t.get("id"), t -> t.get("assigned"))
                .containsSubsequence(org.assertj.core.groups.Tuple.tuple("leader-wang", 1),
                        org.assertj.core.groups.Tuple.tuple("leader-zhao", 2));
    }

    @Test
    void a_read_that_asks_for_a_position_not_yet_reached_answers_503_after_the_bounded_wait() {
        ResponseEntity<Map> response = http.getForEntity("/api/ledger/2026-04?minPosition=999999", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(response.getBody()).containsEntry("code", "VIEW_NOT_YET_CURRENT");
    }

    @Test
    void a_read_can_wait_for_the_task_version_a_command_answered_with() {
        assign("task-v", "2026-07", "2026-07-01T01:00:00Z");
        events.publish(new GenericDomainEventMessage<>("Task", "task-v", 1,
                new ProgressReportedEvent(new TaskId("task-v"), 10, "起步", Instant.parse("2026-07-02T01:00:00Z"), null)));

        ResponseEntity<Map> current = http.getForEntity("/api/tasks/task-v?minVersion=1", Map.class);
        assertThat(current.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(current.getBody()).containsEntry("version", 1);
        ResponseEntity<Map> ahead = http.getForEntity("/api/tasks/task-v?minVersion=5", Map.class);
        assertThat(ahead.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ahead.getBody()).containsEntry("code", "VIEW_NOT_YET_CURRENT");
    }

    @Test
    void an_unknown_task_answers_404_and_a_malformed_month_400() {
        assertThat(http.getForEntity("/api/tasks/task-nobody", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> month = http.getForEntity("/api/ledger/March", Map.class);
        assertThat(month.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(month.getBody()).containsEntry("code", "INVALID_INPUT");
        assertThat(http.getForEntity("/api/ledger/2026-04?minPosition=-1", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void health_reports_the_ledger_processor_and_its_lag() {
        ResponseEntity<Map> health = anonymous.withBasicAuth(TestAccounts.username(Role.ADMIN), TestAccounts.PASSWORD)
                .getForEntity("/actuator/health", Map.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().toString()).contains("ledger", "running=true");
        assertThat(anonymous.getForEntity("/actuator/health", Map.class).getBody()).containsEntry("status", "UP")
                .doesNotContainKey("components");
    }

    private void assign(String id, String month, String at) {
        assign(id, month, at, "office", "leader-li");
    }

    private void assign(String id, String month, String at, String unit, String leader) {
        events.publish(new GenericDomainEventMessage<>("Task", id, 0, new TaskAssignedEvent(new TaskId(id), "任务 " + id, null,
                TaskSource.PARTY_GROUP_MEETING, "党组会〔2026〕1号", new CadreId(leader), new UnitId(unit), List.of(),
                YearMonth.parse(month).atEndOfMonth(), YearMonth.parse(month), Instant.parse(at), List.of())));
    }
}
