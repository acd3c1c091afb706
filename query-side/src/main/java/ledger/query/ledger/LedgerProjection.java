package ledger.query.ledger;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

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
import ledger.kernel.task.TaskReceivedEvent;
import ledger.kernel.task.TaskReceivedLateEvent;
import ledger.kernel.task.TaskReleasedFromTaskForceEvent;
import ledger.kernel.task.UrgingNoticeAnsweredEvent;
import ledger.kernel.task.UrgingNoticeIssuedEvent;
import ledger.kernel.task.UrgingNoticeWentUnansweredEvent;
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
                    null, null, null, false, List.of(), List.of(), sequence, position(token)));
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

    @EventHandler
    void on(TaskReceivedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        update(event.taskId(), sequence, token, task -> receipt(task, event.unitId().value(), event.leadUnit(),
                r -> new LedgerTaskView.Receipt(r.unitId(), r.leadUnit(), event.receivedBy(), event.receivedAt(),
                        r.late())));
    }

    @EventHandler
    void on(TaskReceivedLateEvent event, @SequenceNumber long sequence, TrackingToken token) {
        update(event.taskId(), sequence, token, task -> receipt(task, event.unitId().value(), event.leadUnit(),
                r -> new LedgerTaskView.Receipt(r.unitId(), r.leadUnit(), r.receivedBy(), r.receivedAt(), true)));
    }

    @EventHandler
    void on(UrgingNoticeIssuedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        update(event.taskId(), sequence, token, task -> task.urgingNotices.add(new LedgerTaskView.UrgingNotice(
                event.noticeId().value(), event.issuedBy(), event.issuedAt(), event.reason(), event.expectation(),
                event.replyBy(), null, null, false, false)));
    }

    /** The reply's progress is the task's latest progress, as the Task aggregate counts it. */
    @EventHandler
    void on(UrgingNoticeAnsweredEvent event, @SequenceNumber long sequence, TrackingToken token) {
        update(event.taskId(), sequence, token, task -> {
            notice(task, event.noticeId().value(), n -> new LedgerTaskView.UrgingNotice(n.noticeId(), n.issuedBy(),
                    n.issuedAt(), n.reason(), n.expectation(), n.replyBy(), event.answeredAt(), event.answeredBy(),
                    event.late(), n.unanswered()));
            task.latestProgress = new LedgerTaskView.Progress(event.percent(), event.explanation(), event.answeredAt());
        });
    }

    @EventHandler
    void on(UrgingNoticeWentUnansweredEvent event, @SequenceNumber long sequence, TrackingToken token) {
        update(event.taskId(), sequence, token, task -> notice(task, event.noticeId().value(),
                n -> new LedgerTaskView.UrgingNotice(n.noticeId(), n.issuedBy(), n.issuedAt(), n.reason(),
                        n.expectation(), n.replyBy(), n.answeredAt(), n.answeredBy(), n.lateReply(), true)));
    }

    /** The unit's receipt changed, or made when the unit has none yet. */
    private static void receipt(LedgerTaskView.Draft task, String unit, boolean lead,
                                UnaryOperator<LedgerTaskView.Receipt> change) {
        for (int i = 0; i < task.receipts.size(); i++) {
            if (task.receipts.get(i).unitId().equals(unit)) {
                task.receipts.set(i, change.apply(task.receipts.get(i)));
                return;
            }
        }
        task.receipts.add(change.apply(new LedgerTaskView.Receipt(unit, lead, null, null, false)));
    }

    private static void notice(LedgerTaskView.Draft task, String noticeId,
                               UnaryOperator<LedgerTaskView.UrgingNotice> change) {
        task.urgingNotices.replaceAll(n -> n.noticeId().equals(noticeId) ? change.apply(n) : n);
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
