package ledger.query.cadre;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.CadreRegisteredEvent;
import ledger.kernel.organisation.UnitHeadAppointedEvent;
import ledger.kernel.organisation.UnitHeadshipEndedEvent;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Role;
import ledger.kernel.task.CompletionVerifiedEvent;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskEscalatedEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import ledger.kernel.taskforce.TaskForceId;
import ledger.query.SignedInViewTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 5: the head of the lead unit (牵头处室负责人) answers for the unit's tasks of their
 * headship; their record and promotion evidence list and count them, apart from the tasks led as
 * lead leader (牵头领导).
 */
class UnitHeadEvidenceIntegrationTest extends SignedInViewTest {

    private static final Instant MARCH = Instant.parse("2034-03-01T02:00:00Z");
    private static final Instant MAY = Instant.parse("2034-05-02T02:00:00Z");

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String unit = "unit-headed-" + run;
    private final CadreId head = new CadreId("cadre-head-" + run);
    private final CadreId successor = new CadreId("cadre-successor-" + run);
    private final CadreId leader = new CadreId("cadre-lead-leader-" + run);

    @Test
    void the_unit_heads_record_and_evidence_count_the_tasks_their_unit_led_while_they_headed_it() {
        register(head, "孙红", unit);
        register(successor, "钱程", unit);
        register(leader, "郑局长", "bureau-office");
        String appointed = publish("Unit", unit, 0, new UnitHeadAppointedEvent(new UnitId(unit), head,
                LocalDate.parse("2033-01-01"), MARCH));
        String onTime = task("按期完成的任务", unit, MARCH);
        String verified = publish("Task", onTime, 1, new CompletionVerifiedEvent(new TaskId(onTime), "核验", MARCH,
                LocalDate.parse("2034-03-31"), true, MARCH));
        String stuck = task("逾期并提级的任务", unit, MARCH);
        publish("Task", stuck, 1, new DeadlineMissedEvent(new TaskId(stuck), LocalDate.parse("2034-03-31"), MARCH));
        publish("Task", stuck, 2, new TaskEscalatedEvent(new TaskId(stuck), new TaskForceId("tf-" + run), "难题", MARCH));
        task("别的处室的任务", "unit-other-" + run, MARCH);
        String ended = publish("Unit", unit, 1, new UnitHeadshipEndedEvent(new UnitId(unit), head,
                LocalDate.parse("2034-04-01"), "由 " + successor + " 接任", MARCH));
        publish("Unit", unit, 2, new UnitHeadAppointedEvent(new UnitId(unit), successor, LocalDate.parse("2034-04-01"),
                MARCH));
        task("继任者任内的任务", unit, MAY);
        long position = engine.lastReservedPosition();

        Map<String, Object> record = as(Role.PERSONNEL_OFFICE).getForObject("/api/cadres/" + head
                + "/record?minPosition=" + position, Map.class);
        assertThat((List<Map<String, Object>>) record.get("unitHeadships")).singleElement().satisfies(h -> assertThat(h)
                .containsEntry("unitId", unit).containsEntry("from", "2033-01-01").containsEntry("endedOn", "2034-04-01")
                .containsEntry("eventIds", List.of(appointed, ended)));
        assertThat((List<Map<String, Object>>) record.get("tasksLedAsUnitHead")).extracting(t -> t.get("taskId"))
                .containsExactly(onTime, stuck);
        assertThat((List<?>) record.get("tasksLed")).isEmpty();

        Map<String, Object> evidence = as(Role.PERSONNEL_OFFICE).getForObject("/api/cadres/" + head
                + "/evidence?from=2034-01-01&to=2034-12-31", Map.class);
        assertThat((Map<String, Object>) evidence.get("unitHeadTaskSummary")).containsEntry("role", "UNIT_HEAD")
                .containsEntry("roleLabel", "牵头处室负责人").containsEntry("led", 2).containsEntry("completedOnTime", 1)
                .containsEntry("open", 1).containsEntry("escalated", 1).containsEntry("deadlineMissed", 1);
        assertThat((Map<String, Object>) evidence.get("taskSummary")).containsEntry("role", "LEAD_LEADER")
                .containsEntry("roleLabel", "牵头领导").containsEntry("led", 0);
        assertThat((List<Map<String, Object>>) evidence.get("tasksLedAsUnitHead")).hasSize(2);
        assertThat((List<String>) evidence.get("eventIds")).contains(appointed, ended, verified);

        String printable = as(Role.PERSONNEL_OFFICE).getForObject("/api/cadres/" + head
                + "/evidence?from=2034-01-01&to=2034-12-31&format=html", String.class);
        assertThat(printable).contains("牵头处室任务（牵头处室负责人）", "作为牵头处室负责人：2 项", "作为牵头领导：0 项",
                "按期完成的任务", "逾期并提级的任务", "2034-03-31", appointed).doesNotContain("继任者任内的任务", "别的处室的任务");

        // the lead leader's record is the lead leader's: all four tasks, none as unit head
        Map<String, Object> leaderEvidence = as(Role.PERSONNEL_OFFICE).getForObject("/api/cadres/" + leader
                + "/evidence?from=2034-01-01&to=2034-12-31", Map.class);
        assertThat((Map<String, Object>) leaderEvidence.get("taskSummary")).containsEntry("led", 4);
        assertThat((Map<String, Object>) leaderEvidence.get("unitHeadTaskSummary")).containsEntry("led", 0);
        assertThat((List<Map<String, Object>>) as(Role.PERSONNEL_OFFICE).getForObject("/api/cadres/" + successor
                + "/record", Map.class).get("tasksLedAsUnitHead")).extracting(t -> t.get("title"))
                .containsExactly("继任者任内的任务");
    }

    private void register(CadreId cadre, String name, String unitId) {
        publish("Cadre", cadre.value(), 0, new CadreRegisteredEvent(cadre, name, new UnitId(unitId), "处长", true,
                LocalDate.parse("2028-01-01"), MARCH));
    }

    /** Assigns a task of the lead leader to the unit at that moment; returns its id. */
    private String task(String title, String leadUnit, Instant at) {
        String task = "task-headed-" + UUID.randomUUID();
        YearMonth month = YearMonth.from(at.atZone(ledger.kernel.shared.BureauTime.ZONE));
        publish("Task", task, 0, new TaskAssignedEvent(new TaskId(task), title, null, TaskSource.MINISTRY, null, leader,
                new UnitId(leadUnit), List.of(), month.atEndOfMonth(), month, at, List.of()));
        return task;
    }

    /** Stores one event and returns its id. */
    private String publish(String type, String aggregate, long sequence, Object payload) {
        GenericDomainEventMessage<Object> event = new GenericDomainEventMessage<>(type, aggregate, sequence, payload);
        events.publish(event);
        return event.getIdentifier();
    }
}
