package ledger.query.ledger;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;

import ledger.kernel.organisation.UnitId;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.task.CompletionClaimedEvent;
import ledger.kernel.task.CompletionRejectedEvent;
import ledger.kernel.task.CompletionVerifiedEvent;
import ledger.kernel.task.DeadlineChangeDeclinedEvent;
import ledger.kernel.task.DeadlineChangeRequestedEvent;
import ledger.kernel.task.DeadlineChangedEvent;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.LeadershipDecisionAppliedEvent;
import ledger.kernel.task.ProgressReportedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskCancelledEvent;
import ledger.kernel.task.TaskEscalatedEvent;
import ledger.kernel.task.TaskFellAtRiskEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskMergedEvent;
import ledger.kernel.task.TaskReleasedFromTaskForceEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * Builds the monthly ledger. Idempotent: each task view remembers the last task event applied
 * (its sequence number), so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup("ledger")
class LedgerProjection {

    private final LedgerViews views;

    LedgerProjection(LedgerViews views) {
        this.views = views;
    }

    /** A rebuild starts from nothing: the views and their kept versions are all made again from the events. */
    @ResetHandler
    void reset() {
        views.clear();
    }

    @EventHandler
    void on(TaskAssignedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        String month = event.ledgerMonth().toString();
        if (views.task(event.taskId().value()).isEmpty()) {
            views.save(new LedgerTaskView(event.taskId().value(), month, event.title(), event.description(),
                    event.source().name(), event.source().label(), event.sourceReference(),
                    event.leadLeaderId().value(), event.leadUnitId().value(),
                    event.coUnitIds().stream().map(UnitId::value).toList(), event.assignedAt(), event.dueDate(),
                    event.dueDate(), LedgerTaskView.ON_TRACK, LedgerTaskView.ON_TRACK, List.of(), null, 0, null, null,
                    null, null, event.milestones() == null ? List.of() : event.milestones().stream()
                            .map(m -> new LedgerTaskView.MilestoneView(m.name(), m.dueDate(), null)).toList(),
                    null, null, null, false, sequence, position(token)));
        }
        // outside the check: a crash between the writes is repaired by the redelivery
        views.addToMonth(month, event.taskId().value());
        views.opened(event.taskId().value(), month);
    }

    @EventHandler
    void on(ProgressReportedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        update(event.taskId(), sequence, token, task -> {
            task.latestProgress = new LedgerTaskView.Progress(event.percent(), event.narrative(), event.reportedAt());
            task.progressReports++;
            if (event.milestoneReached() != null) {
                task.milestones.replaceAll(m -> m.name().equals(event.milestoneReached())
                        ? new LedgerTaskView.MilestoneView(m.name(), m.dueDate(), event.reportedAt()) : m);
            }
        });
    }

    @EventHandler
    void on(CompletionClaimedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        update(event.taskId(), sequence, token, task -> task.completionClaimedAt = event.claimedAt());
    }

    @EventHandler
    void on(CompletionRejectedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        update(event.taskId(), sequence, token, task -> task.completionClaimedAt = null);
    }

    @EventHandler
    void on(CompletionVerifiedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        String closedIn = close(event.taskId(), event.verifiedAt());
        update(event.taskId(), sequence, token, task -> {
            task.completedAt = event.verifiedAt();
            task.completedOnTime = event.onTime();
            task.closedMonth = closedIn;
        });
    }

    @EventHandler
    void on(DeadlineChangeRequestedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        update(event.taskId(), sequence, token, task -> task.proposedDueDate = event.proposedDueDate());
    }

    @EventHandler
    void on(DeadlineChangeDeclinedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        update(event.taskId(), sequence, token, task -> task.proposedDueDate = null);
    }

    @EventHandler
    void on(DeadlineChangedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        update(event.taskId(), sequence, token, task -> {
            task.dueDate = event.newDueDate();
            task.proposedDueDate = null;
            // the deadline watch judges the new date afresh
            task.deadlineState = LedgerTaskView.ON_TRACK;
        });
    }

    @EventHandler
    void on(TaskFellAtRiskEvent event, @SequenceNumber long sequence, TrackingToken token) {
        update(event.taskId(), sequence, token, task -> task.deadlineState = LedgerTaskView.AT_RISK);
    }

    @EventHandler
    void on(DeadlineMissedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        update(event.taskId(), sequence, token, task -> task.deadlineState = LedgerTaskView.OVERDUE);
    }

    @EventHandler
    void on(TaskCancelledEvent event, @SequenceNumber long sequence, TrackingToken token) {
        String closedIn = close(event.taskId(), event.cancelledAt());
        update(event.taskId(), sequence, token, task -> {
            task.closedByDecision = event.decisionRef();
            task.closedMonth = closedIn;
        });
    }

    @EventHandler
    void on(TaskMergedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        String closedIn = close(event.taskId(), event.mergedAt());
        update(event.taskId(), sequence, token, task -> {
            task.closedByDecision = event.decisionRef();
            task.mergedIntoTaskId = event.intoTaskId().value();
            task.closedMonth = closedIn;
        });
    }

    @EventHandler
    void on(TaskEscalatedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        update(event.taskId(), sequence, token, task -> task.taskForceIds.add(event.taskForceId().value()));
    }

    @EventHandler
    void on(LeadershipDecisionAppliedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        update(event.taskId(), sequence, token, task -> {
            task.leadLeaderId = event.leadLeaderId().value();
            task.leadUnitId = event.leadUnitId().value();
            if (!event.dueDate().equals(event.previousDueDate())) {
                task.dueDate = event.dueDate();
                task.deadlineState = LedgerTaskView.ON_TRACK;
            }
            if (event.problemResolved()) {
                task.taskForceIds.remove(event.taskForceId().value());
            }
        });
    }

    @EventHandler
    void on(TaskReleasedFromTaskForceEvent event, @SequenceNumber long sequence, TrackingToken token) {
        update(event.taskId(), sequence, token, task -> task.taskForceIds.remove(event.taskForceId().value()));
    }

    /**
     * A task closes in the month of {@code at}: it joins the index of every month from its first to
     * that one, then leaves the open set. Both writes repeat harmlessly on a redelivery.
     */
    private String close(TaskId taskId, Instant at) {
        YearMonth closedIn = YearMonth.from(BureauTime.dayOf(at));
        views.task(taskId.value()).ifPresent(task -> {
            for (YearMonth month = YearMonth.parse(task.ledgerMonth()).plusMonths(1); !month.isAfter(closedIn);
                 month = month.plusMonths(1)) {
                views.addToMonth(month.toString(), taskId.value());
            }
        });
        views.closed(taskId.value());
        return closedIn.toString();
    }

    private void update(TaskId taskId, long sequence, TrackingToken token, Consumer<LedgerTaskView.Draft> change) {
        views.task(taskId.value())
             .filter(task -> sequence > task.version())
             .ifPresent(task -> views.save(task.next(change, sequence, position(token))));
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
