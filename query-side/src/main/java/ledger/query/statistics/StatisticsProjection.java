package ledger.query.statistics;

import java.time.Instant;
import java.util.function.Consumer;

import ledger.kernel.task.CompletionVerifiedEvent;
import ledger.kernel.task.DeadlineChangedEvent;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.LeadershipDecisionAppliedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskCancelledEvent;
import ledger.kernel.task.TaskEscalatedEvent;
import ledger.kernel.task.TaskFellAtRiskEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskMergedEvent;
import ledger.kernel.task.TaskReleasedFromTaskForceEvent;
import ledger.kernel.task.UrgingNoticeIssuedEvent;
import ledger.kernel.task.UrgingNoticeWentUnansweredEvent;
import ledger.query.ledger.TaskStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Builds each task's month-end standings for the statistics, from the task's own events (each dated by
 * the time it carries, so a year of history counts in the months it happened in). Idempotent through the
 * task's sequence number.
 */
@Component
@ProcessingGroup(StatisticsProjection.GROUP)
class StatisticsProjection {

    static final String GROUP = "statistics";

    private final TaskHistories histories;

    StatisticsProjection(TaskHistories histories) {
        this.histories = histories;
    }

    @ResetHandler
    void reset() {
        histories.clear();
    }

    @EventHandler
    void on(TaskAssignedEvent event, @SequenceNumber long sequence) {
        if (histories.find(event.taskId().value()).isEmpty()) {
            histories.save(TaskHistory.assigned(event.taskId().value(), sequence, event.leadUnitId().value(),
                    event.leadLeaderId().value(), event.ledgerMonth(), event.assignedAt()));
        }
    }

    @EventHandler
    void on(TaskFellAtRiskEvent event, @SequenceNumber long sequence) {
        update(event.taskId(), sequence, event.detectedAt(), task -> task.deadlineState = TaskStatus.AT_RISK.name());
    }

    @EventHandler
    void on(DeadlineMissedEvent event, @SequenceNumber long sequence) {
        update(event.taskId(), sequence, event.detectedAt(), task -> task.deadlineState = TaskStatus.OVERDUE.name());
    }

    @EventHandler
    void on(DeadlineChangedEvent event, @SequenceNumber long sequence) {
        // the deadline watch judges the new date afresh, as the ledger does
        update(event.taskId(), sequence, event.changedAt(), task -> task.deadlineState = TaskStatus.ON_TRACK.name());
    }

    @EventHandler
    void on(CompletionVerifiedEvent event, @SequenceNumber long sequence) {
        update(event.taskId(), sequence, event.verifiedAt(), task -> {
            task.completed = true;
            task.onTime = event.onTime();
        });
    }

    @EventHandler
    void on(TaskCancelledEvent event, @SequenceNumber long sequence) {
        update(event.taskId(), sequence, event.cancelledAt(), task -> task.closedByDecision = true);
    }

    @EventHandler
    void on(TaskMergedEvent event, @SequenceNumber long sequence) {
        update(event.taskId(), sequence, event.mergedAt(), task -> {
            task.closedByDecision = true;
            task.merged = true;
        });
    }

    @EventHandler
    void on(TaskEscalatedEvent event, @SequenceNumber long sequence) {
        update(event.taskId(), sequence, event.escalatedAt(), task -> task.taskForceIds.add(event.taskForceId().value()));
    }

    @EventHandler
    void on(LeadershipDecisionAppliedEvent event, @SequenceNumber long sequence) {
        update(event.taskId(), sequence, event.decidedAt(), task -> {
            task.leadLeaderId = event.leadLeaderId().value();
            task.leadUnitId = event.leadUnitId().value();
            if (!event.dueDate().equals(event.previousDueDate())) {
                task.deadlineState = TaskStatus.ON_TRACK.name();
            }
            if (event.problemResolved()) {
                task.taskForceIds.remove(event.taskForceId().value());
            }
        });
    }

    @EventHandler
    void on(TaskReleasedFromTaskForceEvent event, @SequenceNumber long sequence) {
        update(event.taskId(), sequence, event.releasedAt(), task -> task.taskForceIds.remove(event.taskForceId().value()));
    }

    @EventHandler
    void on(UrgingNoticeIssuedEvent event, @SequenceNumber long sequence) {
        update(event.taskId(), sequence, event.issuedAt(), task -> task.urgingIssued = 1);
    }

    @EventHandler
    void on(UrgingNoticeWentUnansweredEvent event, @SequenceNumber long sequence) {
        update(event.taskId(), sequence, event.detectedAt(), task -> task.urgingUnanswered = 1);
    }

    private void update(TaskId taskId, long sequence, Instant at, Consumer<TaskHistory.Draft> change) {
        histories.find(taskId.value()).filter(task -> sequence > task.version())
                .ifPresent(task -> histories.save(task.next(change, at, sequence)));
    }
}
