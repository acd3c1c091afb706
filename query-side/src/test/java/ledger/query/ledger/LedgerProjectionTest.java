package ledger.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.task.CompletionClaimedEvent;
import ledger.kernel.task.CompletionRejectedEvent;
import ledger.kernel.task.CompletionVerifiedEvent;
import ledger.kernel.task.DeadlineChangeRequestedEvent;
import ledger.kernel.task.DeadlineChangedEvent;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.Milestone;
import ledger.kernel.task.ProgressReportedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskFellAtRiskEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskMergedEvent;
import ledger.kernel.task.TaskSource;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerProjectionTest {

    private static final TaskId TASK = new TaskId("task-1");
    private static final LocalDate DUE = LocalDate.parse("2026-03-31");
    private static final TaskAssignedEvent ASSIGNED = new TaskAssignedEvent(TASK, "推进老旧小区改造", "改造120个小区",
            TaskSource.MINISTRY, "建城〔2026〕12号", new CadreId("leader-wang"), new UnitId("urban-renewal"), List.of(new UnitId("finance")),
            DUE, YearMonth.parse("2026-03"), Instant.parse("2026-03-01T02:00:00Z"), List.of());
    private static final ProgressReportedEvent REPORTED = new ProgressReportedEvent(TASK, 40, "完成摸底调查",
            Instant.parse("2026-03-05T02:00:00Z"), null);

    private InMemoryLedgerViews views;
    private LedgerProjection projection;

    @BeforeEach
    void setUp() {
        views = new InMemoryLedgerViews();
        projection = new LedgerProjection(views);
    }

    @Test
    void an_assigned_task_appears_in_its_month_with_source_lead_leader_and_lead_unit() {
        projection.on(ASSIGNED, 0, new GlobalSequenceTrackingToken(7));

        LedgerTaskView task = views.task("task-1").orElseThrow();
        assertThat(views.taskIdsOf("2026-03")).containsExactly("task-1");
        assertThat(task.title()).isEqualTo("推进老旧小区改造");
        assertThat(task.sourceLabel()).isEqualTo("住建部");
        assertThat(task.sourceReference()).isEqualTo("建城〔2026〕12号");
        assertThat(task.description()).isEqualTo("改造120个小区");
        assertThat(task.leadLeaderId()).isEqualTo("leader-wang");
        assertThat(task.leadUnitId()).isEqualTo("urban-renewal");
        assertThat(task.coUnitIds()).containsExactly("finance");
        assertThat(task.dueDate()).isEqualTo(LocalDate.parse("2026-03-31"));
        assertThat(task.latestProgress()).isNull();
        assertThat(task.position()).isEqualTo(7);
    }

    @Test
    void the_latest_progress_report_is_shown() {
        projection.on(ASSIGNED, 0, new GlobalSequenceTrackingToken(1));
        projection.on(REPORTED, 1, new GlobalSequenceTrackingToken(2));
        projection.on(new ProgressReportedEvent(TASK, 70, "方案获批", Instant.parse("2026-03-09T02:00:00Z"), null), 2,
                new GlobalSequenceTrackingToken(3));

        LedgerTaskView task = views.task("task-1").orElseThrow();
        assertThat(task.latestProgress().percent()).isEqualTo(70);
        assertThat(task.latestProgress().narrative()).isEqualTo("方案获批");
        assertThat(task.progressReports()).isEqualTo(2);
        assertThat(task.version()).isEqualTo(2);
    }

    @Test
    void a_task_turns_yellow_then_red_and_an_approved_extension_keeps_the_original_due_date() {
        projection.on(ASSIGNED, 0, new GlobalSequenceTrackingToken(1));
        projection.on(new TaskFellAtRiskEvent(TASK, DUE, Instant.parse("2026-03-28T01:00:00Z")), 1,
                new GlobalSequenceTrackingToken(2));
        assertThat(views.task("task-1").orElseThrow().status()).isEqualTo(LedgerTaskView.AT_RISK);

        projection.on(new DeadlineMissedEvent(TASK, DUE, Instant.parse("2026-04-01T01:00:00Z")), 2,
                new GlobalSequenceTrackingToken(3));
        assertThat(views.task("task-1").orElseThrow().status()).isEqualTo(LedgerTaskView.OVERDUE);

        LocalDate extended = LocalDate.parse("2026-04-15");
        projection.on(new DeadlineChangeRequestedEvent(TASK, DUE, extended, "资金未到位",
                Instant.parse("2026-04-01T02:00:00Z")), 3, new GlobalSequenceTrackingToken(4));
        assertThat(views.task("task-1").orElseThrow().proposedDueDate()).isEqualTo(extended);
        projection.on(new DeadlineChangedEvent(TASK, DUE, extended, "资金未到位", new CadreId("leader-wang"),
                Instant.parse("2026-04-02T02:00:00Z")), 4, new GlobalSequenceTrackingToken(5));

        LedgerTaskView task = views.task("task-1").orElseThrow();
        assertThat(task.originalDueDate()).isEqualTo(DUE);
        assertThat(task.dueDate()).isEqualTo(extended);
        assertThat(task.proposedDueDate()).isNull();
        assertThat(task.status()).isEqualTo(LedgerTaskView.ON_TRACK);
    }

    @Test
    void a_task_is_completed_only_when_verified() {
        projection.on(ASSIGNED, 0, new GlobalSequenceTrackingToken(1));
        Instant claimed = Instant.parse("2026-03-30T02:00:00Z");
        projection.on(new CompletionClaimedEvent(TASK, "完成", claimed), 1, new GlobalSequenceTrackingToken(2));
        assertThat(views.task("task-1").orElseThrow().status()).isEqualTo(LedgerTaskView.ON_TRACK);
        assertThat(views.task("task-1").orElseThrow().completionClaimedAt()).isEqualTo(claimed);

        projection.on(new CompletionRejectedEvent(TASK, "缺材料", Instant.parse("2026-03-30T05:00:00Z")), 2,
                new GlobalSequenceTrackingToken(3));
        assertThat(views.task("task-1").orElseThrow().completionClaimedAt()).isNull();

        projection.on(new CompletionClaimedEvent(TASK, "补齐", claimed), 3, new GlobalSequenceTrackingToken(4));
        projection.on(new CompletionVerifiedEvent(TASK, null, claimed, DUE, true, Instant.parse("2026-04-01T02:00:00Z")),
                4, new GlobalSequenceTrackingToken(5));
        LedgerTaskView task = views.task("task-1").orElseThrow();
        assertThat(task.status()).isEqualTo(LedgerTaskView.COMPLETED);
        assertThat(task.completedOnTime()).isTrue();
        assertThat(task.completedAt()).isEqualTo(Instant.parse("2026-04-01T02:00:00Z"));
    }

    @Test
    void milestones_show_when_they_were_reached() {
        TaskAssignedEvent withMilestone = new TaskAssignedEvent(TASK, "推进老旧小区改造", null, TaskSource.MINISTRY, null,
                new CadreId("leader-wang"), new UnitId("urban-renewal"), List.of(), DUE, YearMonth.parse("2026-03"),
                Instant.parse("2026-03-01T02:00:00Z"), List.of(new Milestone("方案批复", LocalDate.parse("2026-03-10"))));
        projection.on(withMilestone, 0, new GlobalSequenceTrackingToken(1));
        Instant reached = Instant.parse("2026-03-09T02:00:00Z");
        projection.on(new ProgressReportedEvent(TASK, 30, "批复", reached, "方案批复"), 1, new GlobalSequenceTrackingToken(2));

        assertThat(views.task("task-1").orElseThrow().milestones())
                .containsExactly(new LedgerTaskView.MilestoneView("方案批复", LocalDate.parse("2026-03-10"), reached));
    }

    @Test
    void a_task_merged_by_decision_shows_as_merged_with_the_decision() {
        projection.on(ASSIGNED, 0, new GlobalSequenceTrackingToken(1));
        projection.on(new TaskMergedEvent(TASK, new TaskId("task-2"), "meeting-2026-03", "合并推进",
                Instant.parse("2026-03-30T02:00:00Z")), 1, new GlobalSequenceTrackingToken(2));

        LedgerTaskView task = views.task("task-1").orElseThrow();
        assertThat(task.status()).isEqualTo(LedgerTaskView.MERGED);
        assertThat(task.mergedIntoTaskId()).isEqualTo("task-2");
        assertThat(task.closedByDecision()).isEqualTo("meeting-2026-03");
    }

    @Test
    void an_event_delivered_twice_changes_nothing() {
        projection.on(ASSIGNED, 0, new GlobalSequenceTrackingToken(1));
        projection.on(REPORTED, 1, new GlobalSequenceTrackingToken(2));
        LedgerTaskView once = views.task("task-1").orElseThrow();

        projection.on(ASSIGNED, 0, new GlobalSequenceTrackingToken(1));
        projection.on(REPORTED, 1, new GlobalSequenceTrackingToken(2));

        assertThat(views.task("task-1")).contains(once);
        assertThat(views.taskIdsOf("2026-03")).containsExactly("task-1");
    }
}
