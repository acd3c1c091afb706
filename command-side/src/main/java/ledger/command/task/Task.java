package ledger.command.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.kernel.task.ApplyLeadershipDecisionCommand;
import ledger.kernel.task.AssignTaskCommand;
import ledger.kernel.task.ClaimCompletionCommand;
import ledger.kernel.task.CloseTaskByDecisionCommand;
import ledger.kernel.task.CompletionClaimedEvent;
import ledger.kernel.task.CompletionRejectedEvent;
import ledger.kernel.task.CompletionVerifiedEvent;
import ledger.kernel.task.DeadlineChangeDeclinedEvent;
import ledger.kernel.task.DeadlineChangeRequestedEvent;
import ledger.kernel.task.DeadlineChangedEvent;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.DeadlineStanding;
import ledger.kernel.task.DecideDeadlineChangeCommand;
import ledger.kernel.task.EscalateTaskCommand;
import ledger.kernel.task.FollowUpStanding;
import ledger.kernel.task.IssueUrgingNoticeCommand;
import ledger.kernel.task.AnswerUrgingNoticeCommand;
import ledger.kernel.task.ReceiveTaskCommand;
import ledger.kernel.task.TaskReceivedEvent;
import ledger.kernel.task.TaskReceivedLateEvent;
import ledger.kernel.task.UrgingNoticeAnsweredEvent;
import ledger.kernel.task.UrgingNoticeId;
import ledger.kernel.task.UrgingNoticeIssuedEvent;
import ledger.kernel.task.UrgingNoticeWentUnansweredEvent;
import ledger.kernel.task.WatchFollowUpsCommand;
import ledger.kernel.task.LeadershipDecisionAppliedEvent;
import ledger.kernel.task.Milestone;
import ledger.kernel.task.ProgressReportedEvent;
import ledger.kernel.task.RejectCompletionCommand;
import ledger.kernel.task.ReleaseFromTaskForceCommand;
import ledger.kernel.task.ReportProgressCommand;
import ledger.kernel.task.RequestDeadlineChangeCommand;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskCancelledEvent;
import ledger.kernel.task.TaskEscalatedEvent;
import ledger.kernel.task.TaskFellAtRiskEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskMergedEvent;
import ledger.kernel.task.TaskReleasedFromTaskForceEvent;
import ledger.kernel.task.VerifyCompletionCommand;
import ledger.kernel.task.WatchDeadlineCommand;
import ledger.kernel.taskforce.DecisionEffect;
import ledger.kernel.taskforce.TaskForceId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A key task (重点工作任务): one lead leader, one lead unit, co-units. It collects progress, is
 * claimed complete by its lead unit and counts as completed only when the supervision group
 * verifies it; its due date moves only with a reason and the lead leader's approval; it records
 * once per due date that it fell at risk or missed the date. Its units sign for it (签收), late
 * signing recorded once per unit; the supervision group urges it (催办) and the lead unit replies,
 * a notice left unanswered past its day recorded once.
 */
@Aggregate(snapshotTriggerDefinition = "everyFiftyEvents", commandTargetResolver = "expectedVersionTargetResolver")
class Task {

    @AggregateIdentifier
    private TaskId taskId;
    private Instant assignedAt;
    private CadreId leadLeaderId;
    private UnitId leadUnitId;
    private List<UnitId> coUnitIds;
    private LocalDate dueDate;
    private int lastPercent;
    private Instant pendingClaimAt;
    private boolean completed;
    private LocalDate proposedDueDate;
    private String proposalReason;
    private LocalDate flaggedAtRiskFor;
    private LocalDate missedFor;
    private Set<TaskForceId> taskForces = new HashSet<>();
    private Set<String> appliedDecisions = new HashSet<>();
    private List<String> milestones = List.of();
    private boolean closed;
    private Set<String> reachedMilestones = new HashSet<>();
    private Set<UnitId> receivedUnits = new HashSet<>();
    private Set<UnitId> lateReceipts = new HashSet<>();
    /** Notices without a reply, by id (raw, so snapshots keep plain keys), with their day to reply by. */
    private Map<String, LocalDate> openNotices = new HashMap<>();
    private Set<String> answeredNotices = new HashSet<>();
    private Set<String> unansweredRecorded = new HashSet<>();

    protected Task() {
    }

    @CommandHandler
    Task(AssignTaskCommand command) {
        apply(new TaskAssignedEvent(command.taskId(), command.title(), command.description(), command.source(),
                command.sourceReference(), command.leadLeaderId(),
                command.leadUnitId(), command.coUnitIds(), command.dueDate(), command.ledgerMonth(),
                command.assignedAt(), command.milestones(), command.meetingId()));
    }

    @CommandHandler
    void handle(ReportProgressCommand command) {
        requireTaskUnit(command.reporter());
        requireOpen();
        if (command.reportedAt().isBefore(assignedAt)) {
            throw new LedgerException(ErrorCode.PROGRESS_BEFORE_ASSIGNMENT,
                    "The task was assigned at " + assignedAt + "; progress cannot be reported as of " + command.reportedAt());
        }
        if (command.percent() < lastPercent) {
            throw new LedgerException(ErrorCode.PROGRESS_MAY_NOT_DECREASE,
                    "Progress was last reported at " + lastPercent + "%; a report of " + command.percent()
                            + "% would go backwards. Correct an earlier report instead.");
        }
        String milestone = command.milestoneReached();
        if (milestone != null) {
            if (!milestones.contains(milestone)) {
                throw new LedgerException(ErrorCode.UNKNOWN_MILESTONE, taskId + " has no milestone " + milestone
                        + " (it has " + String.join("、", milestones) + ")");
            }
            if (reachedMilestones.contains(milestone)) {
                throw new LedgerException(ErrorCode.MILESTONE_ALREADY_REACHED, milestone + " was already reported reached");
            }
        }
        apply(new ProgressReportedEvent(taskId, command.percent(), command.narrative(), command.reportedAt(), milestone));
    }

    @CommandHandler
    void handle(ClaimCompletionCommand command) {
        requireUnitRole(command.claimant());
        if (!command.claimant().actsFor(leadUnitId.value())) {
            throw new LedgerException(ErrorCode.NOT_THE_LEAD_UNIT, "Only " + leadUnitId + " may claim " + taskId + " complete");
        }
        requireOpen();
        if (pendingClaimAt != null) {
            throw new LedgerException(ErrorCode.COMPLETION_ALREADY_CLAIMED, "Completion was claimed at " + pendingClaimAt);
        }
        apply(new CompletionClaimedEvent(taskId, command.summary(), command.claimedAt()));
    }

    @CommandHandler
    void handle(VerifyCompletionCommand command) {
        requireVerifier(command.verifier());
        requireOpen();
        requirePendingClaim();
        boolean onTime = !BureauTime.dayOf(pendingClaimAt).isAfter(dueDate);
        apply(new CompletionVerifiedEvent(taskId, command.note(), pendingClaimAt, dueDate, onTime, command.verifiedAt()));
    }

    @CommandHandler
    void handle(RejectCompletionCommand command) {
        requireVerifier(command.verifier());
        requireOpen();
        requirePendingClaim();
        apply(new CompletionRejectedEvent(taskId, command.reason(), command.rejectedAt()));
    }

    @CommandHandler
    void handle(RequestDeadlineChangeCommand command) {
        requireTaskUnit(command.requester());
        requireOpen();
        if (proposedDueDate != null) {
            throw new LedgerException(ErrorCode.DEADLINE_CHANGE_PENDING, "A change to " + proposedDueDate
                    + " is waiting for the lead leader");
        }
        if (command.proposedDueDate().equals(dueDate)) {
            throw new LedgerException(ErrorCode.SAME_DUE_DATE, "The task is already due on " + dueDate);
        }
        apply(new DeadlineChangeRequestedEvent(taskId, dueDate, command.proposedDueDate(), command.reason(),
                command.requestedAt()));
    }

    @CommandHandler
    void handle(DecideDeadlineChangeCommand command) {
        if (!command.leader().personId().equals(leadLeaderId.value())) {
            throw new LedgerException(ErrorCode.NOT_THE_LEAD_LEADER, "Only " + leadLeaderId + " decides on " + taskId);
        }
        if (proposedDueDate == null) {
            throw new LedgerException(ErrorCode.NO_DEADLINE_CHANGE_PENDING, "No deadline change is waiting on " + taskId);
        }
        if (command.approved()) {
            apply(new DeadlineChangedEvent(taskId, dueDate, proposedDueDate, proposalReason, leadLeaderId,
                    command.decidedAt()));
        } else {
            apply(new DeadlineChangeDeclinedEvent(taskId, proposedDueDate, command.note(), command.decidedAt()));
        }
    }

    /** Only a recorded decision closes a task; repeating it changes nothing. */
    @CommandHandler
    void handle(CloseTaskByDecisionCommand command) {
        if (closed || completed) {
            return;
        }
        if (command.intoTaskId() == null) {
            apply(new TaskCancelledEvent(taskId, command.decisionRef(), command.reason(), command.decidedAt()));
        } else {
            apply(new TaskMergedEvent(taskId, command.intoTaskId(), command.decisionRef(), command.reason(),
                    command.decidedAt()));
        }
    }

    /** Sent when a task force takes the task on; repeating it changes nothing. */
    @CommandHandler
    void handle(EscalateTaskCommand command) {
        if (completed || closed || taskForces.contains(command.taskForceId())) {
            return;
        }
        apply(new TaskEscalatedEvent(taskId, command.taskForceId(), command.problem(), command.escalatedAt()));
    }

    /** A leadership meeting's decision reaches the task; each decision applies once. */
    @CommandHandler
    void handle(ApplyLeadershipDecisionCommand command) {
        String decision = command.taskForceId() + "/" + command.decisionRef();
        if (completed || !taskForces.contains(command.taskForceId()) || appliedDecisions.contains(decision)) {
            return;
        }
        DecisionEffect effect = command.effect();
        apply(new LeadershipDecisionAppliedEvent(taskId, command.taskForceId(), command.meeting(), command.decisionRef(),
                dueDate, effect.newDueDate() != null ? effect.newDueDate() : dueDate,
                effect.newLeadLeaderId() != null ? effect.newLeadLeaderId() : leadLeaderId,
                effect.newLeadUnitId() != null ? effect.newLeadUnitId() : leadUnitId,
                effect.problemResolved(), command.decidedAt()));
    }

    @CommandHandler
    void handle(ReleaseFromTaskForceCommand command) {
        if (!taskForces.contains(command.taskForceId())) {
            return;
        }
        apply(new TaskReleasedFromTaskForceEvent(taskId, command.taskForceId(), command.outcome(), command.releasedAt()));
    }

    /**
     * Idempotent: records only what has happened and is not yet on record for the current due date,
     * and answers how the task stands, so the watch knows when to look again.
     */
    @CommandHandler
    DeadlineStanding handle(WatchDeadlineCommand command) {
        boolean open = !completed && !closed;
        if (open) {
            DeadlinePolicy.Light light = new DeadlinePolicy(command.atRiskDays())
                    .due(BureauTime.dayOf(command.now()), dueDate, flaggedAtRiskFor, missedFor);
            if (light == DeadlinePolicy.Light.MISSED) {
                apply(new DeadlineMissedEvent(taskId, dueDate, command.now()));
            } else if (light == DeadlinePolicy.Light.AT_RISK) {
                apply(new TaskFellAtRiskEvent(taskId, dueDate, command.now()));
            }
        }
        return new DeadlineStanding(dueDate, flaggedAtRiskFor, missedFor, open);
    }

    /** A unit signs for its own part: the lead unit for the task, a co-unit for its share. */
    @CommandHandler
    void handle(ReceiveTaskCommand command) {
        requireTaskUnit(command.receiver());
        requireOpen();
        UnitId unit = new UnitId(command.receiver().unitId());
        if (receivedUnits.contains(unit)) {
            throw new LedgerException(ErrorCode.TASK_ALREADY_RECEIVED, unit + " has already signed for " + taskId);
        }
        apply(new TaskReceivedEvent(taskId, unit, unit.equals(leadUnitId), command.receiver().personId(),
                command.receiver().role(), command.receivedAt()));
    }

    @CommandHandler
    void handle(IssueUrgingNoticeCommand command) {
        if (!Role.URGING_ISSUERS.contains(command.issuer().role())) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED,
                    "Urging notices are issued by the bureau office and the organ party committee");
        }
        requireOpen();
        if (openNotices.containsKey(command.noticeId().value()) || answeredNotices.contains(command.noticeId().value())) {
            throw new LedgerException(ErrorCode.ALREADY_REGISTERED, taskId + " already has notice " + command.noticeId());
        }
        apply(new UrgingNoticeIssuedEvent(taskId, command.noticeId(), command.issuer().personId(),
                command.issuer().role(), command.reason(), command.expectation(), command.replyBy(), leadUnitId,
                leadLeaderId, command.issuedAt()));
    }

    /** The lead unit replies once per notice; a reply after the day is accepted and marked late. */
    @CommandHandler
    void handle(AnswerUrgingNoticeCommand command) {
        requireUnitRole(command.replier());
        if (!command.replier().actsFor(leadUnitId.value())) {
            throw new LedgerException(ErrorCode.NOT_THE_LEAD_UNIT, "Only " + leadUnitId + " answers notices on " + taskId);
        }
        if (answeredNotices.contains(command.noticeId().value())) {
            throw new LedgerException(ErrorCode.URGING_NOTICE_ANSWERED, command.noticeId() + " is already answered");
        }
        LocalDate replyBy = openNotices.get(command.noticeId().value());
        if (replyBy == null) {
            throw new LedgerException(ErrorCode.UNKNOWN_URGING_NOTICE, taskId + " has no notice " + command.noticeId());
        }
        if (command.percent() < lastPercent) {
            throw new LedgerException(ErrorCode.PROGRESS_MAY_NOT_DECREASE, "Progress was last reported at "
                    + lastPercent + "%; the reply cannot report " + command.percent() + "%");
        }
        boolean late = BureauTime.dayOf(command.answeredAt()).isAfter(replyBy);
        apply(new UrgingNoticeAnsweredEvent(taskId, command.noticeId(), leadUnitId, command.replier().personId(),
                command.explanation(), command.measures(), command.percent(), replyBy, late, command.answeredAt()));
    }

    /**
     * Idempotent like the deadline watch: records the missing receipts and unanswered notices that
     * are due and not yet on record, and answers when to look again. A completed or closed task
     * waits for nobody's receipt or reply any more.
     */
    @CommandHandler
    FollowUpStanding handle(WatchFollowUpsCommand command) {
        if (completed || closed) {
            return new FollowUpStanding(null);
        }
        LocalDate today = BureauTime.dayOf(command.now());
        LocalDate lastReceiptDay = new ReceiptPolicy(command.receiptDays()).lastDay(BureauTime.dayOf(assignedAt));
        List<UnitId> awaitingReceipt = awaitingReceipt();
        if (today.isAfter(lastReceiptDay)) {
            awaitingReceipt.forEach(unit -> apply(new TaskReceivedLateEvent(taskId, unit, unit.equals(leadUnitId),
                    lastReceiptDay, command.now())));
        }
        openNotices.entrySet().stream()
                   .filter(notice -> !unansweredRecorded.contains(notice.getKey()) && today.isAfter(notice.getValue()))
                   .toList()
                   .forEach(notice -> apply(new UrgingNoticeWentUnansweredEvent(taskId, new UrgingNoticeId(notice.getKey()), leadUnitId,
                           leadLeaderId, notice.getValue(), command.now())));
        Stream<LocalDate> receiptCheck = awaitingReceipt().isEmpty() ? Stream.empty() : Stream.of(lastReceiptDay);
        LocalDate next = Stream.concat(receiptCheck, openNotices.entrySet().stream()
                        .filter(notice -> !unansweredRecorded.contains(notice.getKey())).map(Map.Entry::getValue))
                .min(LocalDate::compareTo).map(day -> day.plusDays(1)).orElse(null);
        return new FollowUpStanding(next);
    }

    /** The task's units that have neither signed nor been recorded as late. */
    private List<UnitId> awaitingReceipt() {
        return Stream.concat(Stream.of(leadUnitId), coUnitIds.stream())
                     .filter(unit -> !receivedUnits.contains(unit) && !lateReceipts.contains(unit))
                     .toList();
    }

    private void requireOpen() {
        if (closed) {
            throw new LedgerException(ErrorCode.TASK_CLOSED, taskId + " was cancelled or merged by a recorded decision");
        }
        if (completed) {
            throw new LedgerException(ErrorCode.TASK_COMPLETED, taskId + " is completed");
        }
    }

    private void requirePendingClaim() {
        if (pendingClaimAt == null) {
            throw new LedgerException(ErrorCode.NO_COMPLETION_CLAIMED, "No completion of " + taskId + " is waiting");
        }
    }

    private static void requireVerifier(Actor actor) {
        if (!Role.COMPLETION_VERIFIERS.contains(actor.role())) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "Completion is verified by the supervision group");
        }
    }

    private static void requireUnitRole(Actor actor) {
        if (!Role.UNIT_ROLES.contains(actor.role())) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "This is done by the units doing the work");
        }
    }

    /** Object-level rule: only people of the lead unit or a co-unit act on a task's work. */
    private void requireTaskUnit(Actor actor) {
        requireUnitRole(actor);
        boolean taskUnit = actor.actsFor(leadUnitId.value())
                || coUnitIds.stream().anyMatch(unit -> actor.actsFor(unit.value()));
        if (!taskUnit) {
            throw new LedgerException(ErrorCode.NOT_A_TASK_UNIT, "Unit " + actor.unitId()
                    + " is neither the lead unit nor a co-unit of task " + taskId);
        }
    }

    @EventSourcingHandler
    void on(TaskAssignedEvent event) {
        taskId = event.taskId();
        assignedAt = event.assignedAt();
        leadLeaderId = event.leadLeaderId();
        leadUnitId = event.leadUnitId();
        coUnitIds = event.coUnitIds();
        dueDate = event.dueDate();
        lastPercent = 0;
        milestones = event.milestones() == null ? List.of()
                : event.milestones().stream().map(Milestone::name).toList();
    }

    @EventSourcingHandler
    void on(ProgressReportedEvent event) {
        lastPercent = event.percent();
        if (event.milestoneReached() != null) {
            reachedMilestones.add(event.milestoneReached());
        }
    }

    @EventSourcingHandler
    void on(CompletionClaimedEvent event) {
        pendingClaimAt = event.claimedAt();
    }

    @EventSourcingHandler
    void on(CompletionVerifiedEvent event) {
        pendingClaimAt = null;
        completed = true;
    }

    @EventSourcingHandler
    void on(CompletionRejectedEvent event) {
        pendingClaimAt = null;
    }

    @EventSourcingHandler
    void on(DeadlineChangeRequestedEvent event) {
        proposedDueDate = event.proposedDueDate();
        proposalReason = event.reason();
    }

    @EventSourcingHandler
    void on(DeadlineChangedEvent event) {
        dueDate = event.newDueDate();
        proposedDueDate = null;
        proposalReason = null;
    }

    @EventSourcingHandler
    void on(DeadlineChangeDeclinedEvent event) {
        proposedDueDate = null;
        proposalReason = null;
    }

    @EventSourcingHandler
    void on(TaskCancelledEvent event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(TaskMergedEvent event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(TaskEscalatedEvent event) {
        taskForces.add(event.taskForceId());
    }

    @EventSourcingHandler
    void on(LeadershipDecisionAppliedEvent event) {
        appliedDecisions.add(event.taskForceId() + "/" + event.decisionRef());
        dueDate = event.dueDate();
        leadLeaderId = event.leadLeaderId();
        leadUnitId = event.leadUnitId();
    }

    @EventSourcingHandler
    void on(TaskReleasedFromTaskForceEvent event) {
        taskForces.remove(event.taskForceId());
    }

    @EventSourcingHandler
    void on(TaskFellAtRiskEvent event) {
        flaggedAtRiskFor = event.dueDate();
    }

    @EventSourcingHandler
    void on(DeadlineMissedEvent event) {
        missedFor = event.dueDate();
    }

    @EventSourcingHandler
    void on(TaskReceivedEvent event) {
        receivedUnits.add(event.unitId());
    }

    @EventSourcingHandler
    void on(TaskReceivedLateEvent event) {
        lateReceipts.add(event.unitId());
    }

    @EventSourcingHandler
    void on(UrgingNoticeIssuedEvent event) {
        openNotices.put(event.noticeId().value(), event.replyBy());
    }

    @EventSourcingHandler
    void on(UrgingNoticeAnsweredEvent event) {
        openNotices.remove(event.noticeId().value());
        answeredNotices.add(event.noticeId().value());
        lastPercent = event.percent();
    }

    @EventSourcingHandler
    void on(UrgingNoticeWentUnansweredEvent event) {
        unansweredRecorded.add(event.noticeId().value());
    }
}
