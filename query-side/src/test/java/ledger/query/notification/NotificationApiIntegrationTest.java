package ledger.query.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitHeadAppointedEvent;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Role;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskFellAtRiskEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import ledger.query.SignedInViewTest;
import ledger.security.TestAccounts;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class NotificationApiIntegrationTest extends SignedInViewTest {

    private static final Instant NOW = Instant.parse("2026-03-25T02:00:00Z");

    @Test
    void the_unit_head_reads_their_notifications_newest_first_and_marks_one_read() {
        UnitId unit = new UnitId("notification-api-unit");
        TaskId task = new TaskId("notification-api-task");
        CadreId head = new CadreId(TestAccounts.personId(Role.UNIT_HEAD));
        events.publish(new GenericDomainEventMessage<>("Unit", unit.value(), 0,
                new UnitHeadAppointedEvent(unit, head, LocalDate.parse("2025-01-01"), NOW)));
        events.publish(new GenericDomainEventMessage<>("Task", task.value(), 0, new TaskAssignedEvent(task, "城中村整治",
                "完成3个村整治", TaskSource.PARTY_GROUP_MEETING, "党组会2026-3",
                new CadreId(TestAccounts.personId(Role.BUREAU_LEADER)), unit, List.of(), LocalDate.parse("2026-03-31"),
                YearMonth.parse("2026-03"), NOW, List.of())));
        events.publish(new GenericDomainEventMessage<>("Task", task.value(), 1,
                new TaskFellAtRiskEvent(task, LocalDate.parse("2026-03-31"), NOW)));
        events.publish(new GenericDomainEventMessage<>("Task", task.value(), 2,
                new DeadlineMissedEvent(task, LocalDate.parse("2026-03-31"), NOW.plusSeconds(86_400 * 7))));

        Map<String, Object> page = as(Role.UNIT_HEAD).getForObject("/api/notifications/me?minPosition="
                + engine.lastReservedPosition(), Map.class);
        List<Map<String, Object>> items = mine(page, task);
        assertThat(items).extracting(i -> i.get("cause")).containsExactly("DEADLINE_MISSED", "TASK_AT_RISK");
        assertThat(items.get(0)).containsEntry("subject", "【督查台账】到期催办：城中村整治").containsEntry("read", false)
                .containsEntry("link", Map.of("kind", "TASK", "id", task.value(), "href", "/api/tasks/" + task));

        String yellow = (String) items.get(1).get("id");
        assertThat(as(Role.UNIT_STAFF).postForEntity("/api/notifications/" + yellow + "/read", null, Void.class)
                .getStatusCode()).as("someone else's").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as(Role.UNIT_HEAD).postForEntity("/api/notifications/" + yellow + "/read", null, Void.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        List<Map<String, Object>> unread = mine(as(Role.UNIT_HEAD).getForObject("/api/notifications/me?state=UNREAD",
                Map.class), task);
        assertThat(unread).extracting(i -> i.get("cause")).containsExactly("DEADLINE_MISSED");
        assertThat(mine(as(Role.BUREAU_LEADER).getForObject("/api/notifications/me", Map.class), task)).hasSize(2);
    }

    @Test
    void the_mail_outbox_is_for_the_administrator() {
        assertThat(as(Role.ADMIN).getForEntity("/api/admin/mail-outbox?state=FAILED", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as(Role.UNIT_HEAD).getForEntity("/api/admin/mail-outbox", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mine(Map<String, Object> page, TaskId task) {
        return ((List<Map<String, Object>>) page.get("items")).stream()
                .filter(i -> ((Map<String, Object>) i.get("link")).get("id").equals(task.value())).toList();
    }
}
