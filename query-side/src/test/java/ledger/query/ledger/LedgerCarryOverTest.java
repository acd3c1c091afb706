package ledger.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.task.CompletionVerifiedEvent;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskCancelledEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A month's ledger carries the earlier tasks still open when it began or closed during it (结转). */
class LedgerCarryOverTest {

    private static final TaskId TASK = new TaskId("task-march");
    private static final LocalDate DUE = LocalDate.parse("2026-03-31");

    private InMemoryLedgerViews views;
    private LedgerProjection projection;

    @BeforeEach
    void setUp() {
        views = new InMemoryLedgerViews();
        projection = new LedgerProjection(views);
    }

    private static TaskAssignedEvent assigned(TaskId task, String month, String at) {
        return new TaskAssignedEvent(task, "推进老旧小区改造", null, TaskSource.MINISTRY, null, new CadreId("leader-wang"),
                new UnitId("urban-renewal"), List.of(), YearMonth.parse(month).atEndOfMonth(), YearMonth.parse(month),
                Instant.parse(at), List.of());
    }

    private List<String> ids(String month) {
        return views.month(month).stream().map(LedgerTaskView::taskId).toList();
    }

    @Test
    void a_task_assigned_in_march_and_closed_in_may_is_in_march_april_and_may_but_not_june() {
        projection.on(assigned(TASK, "2026-03", "2026-03-01T02:00:00Z"), 0, new GlobalSequenceTrackingToken(1));
        projection.on(new DeadlineMissedEvent(TASK, DUE, Instant.parse("2026-04-01T01:00:00Z")), 1,
                new GlobalSequenceTrackingToken(2));
        TaskId april = new TaskId("task-april");
        projection.on(assigned(april, "2026-04", "2026-03-30T02:00:00Z"), 0, new GlobalSequenceTrackingToken(3));

        assertThat(ids("2026-04")).containsExactlyInAnyOrder("task-march", "task-april");
        assertThat(ids("2026-05")).containsExactlyInAnyOrder("task-march", "task-april");

        // verified on 20 May in the bureau (UTC 19 May 18:00 is already 20 May in Shanghai)
        projection.on(new CompletionVerifiedEvent(TASK, null, Instant.parse("2026-05-18T02:00:00Z"), DUE, false,
                Instant.parse("2026-05-19T18:00:00Z")), 2, new GlobalSequenceTrackingToken(10));

        assertThat(ids("2026-03")).containsExactly("task-march");
        assertThat(ids("2026-04")).containsExactlyInAnyOrder("task-march", "task-april");
        assertThat(ids("2026-05")).containsExactlyInAnyOrder("task-march", "task-april");
        assertThat(ids("2026-06")).containsExactly("task-april");

        LedgerTaskView inApril = views.month("2026-04").stream().filter(t -> t.taskId().equals("task-march"))
                .findFirst().orElseThrow();
        assertThat(inApril.carriedOver()).isTrue();
        assertThat(inApril.ledgerMonth()).isEqualTo("2026-03");
        assertThat(views.month("2026-03").get(0).carriedOver()).isFalse();
        assertThat(views.task("task-march").orElseThrow().closedMonth()).isEqualTo("2026-05");
    }

    @Test
    void as_of_aprils_meeting_the_april_ledger_shows_the_march_task_open_and_red() {
        projection.on(assigned(TASK, "2026-03", "2026-03-01T02:00:00Z"), 0, new GlobalSequenceTrackingToken(1));
        projection.on(new DeadlineMissedEvent(TASK, DUE, Instant.parse("2026-04-01T01:00:00Z")), 1,
                new GlobalSequenceTrackingToken(2));
        long aprilMeeting = 5;
        projection.on(new CompletionVerifiedEvent(TASK, null, Instant.parse("2026-05-18T02:00:00Z"), DUE, false,
                Instant.parse("2026-05-20T02:00:00Z")), 2, new GlobalSequenceTrackingToken(10));

        List<LedgerTaskView> then = views.monthAsOf("2026-04", aprilMeeting);
        assertThat(then).singleElement().satisfies(task -> {
            assertThat(task.taskId()).isEqualTo("task-march");
            assertThat(task.status()).isEqualTo(LedgerTaskView.OVERDUE);
            assertThat(task.carriedOver()).isTrue();
        });
        assertThat(views.monthAsOf("2026-06", 10)).isEmpty();
        assertThat(views.monthAsOf("2026-05", 10)).singleElement()
                .satisfies(task -> assertThat(task.status()).isEqualTo(LedgerTaskView.COMPLETED));
    }

    @Test
    void a_task_closed_in_its_own_month_is_not_carried_and_a_redelivered_close_changes_nothing() {
        projection.on(assigned(TASK, "2026-03", "2026-03-01T02:00:00Z"), 0, new GlobalSequenceTrackingToken(1));
        TaskCancelledEvent cancelled = new TaskCancelledEvent(TASK, "meeting-1", "并入年度计划",
                Instant.parse("2026-03-20T02:00:00Z"));
        projection.on(cancelled, 1, new GlobalSequenceTrackingToken(2));
        projection.on(cancelled, 1, new GlobalSequenceTrackingToken(2));

        assertThat(ids("2026-03")).containsExactly("task-march");
        assertThat(ids("2026-04")).isEmpty();
        assertThat(views.openTasks()).isEmpty();
    }
}
