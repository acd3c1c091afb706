package ledger.command.taskforce;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.security.Actor;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.kernel.task.TaskId;
import ledger.kernel.taskforce.DissolveTaskForceCommand;
import ledger.kernel.taskforce.FeasibilityOpinionSubmittedEvent;
import ledger.kernel.taskforce.FormTaskForceCommand;
import ledger.kernel.taskforce.LeadFacts;
import ledger.kernel.taskforce.LeadershipDecisionRecordedEvent;
import ledger.kernel.taskforce.LeadershipMeeting;
import ledger.kernel.taskforce.ProblemKind;
import ledger.kernel.taskforce.ProblemReferredEvent;
import ledger.kernel.taskforce.RecordLeadershipDecisionCommand;
import ledger.kernel.taskforce.RecordTaskForceMeetingCommand;
import ledger.kernel.taskforce.ReferProblemCommand;
import ledger.kernel.taskforce.SubmitFeasibilityOpinionCommand;
import ledger.kernel.taskforce.TaskForceDissolvedEvent;
import ledger.kernel.taskforce.TaskForceFormedEvent;
import ledger.kernel.taskforce.TaskForceId;
import ledger.kernel.taskforce.TaskForceMeetingHeldEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A task force for a hard problem (工作难题专班): led by the right bureau leader, it meets, gives
 * a feasibility opinion, refers a major problem to the Party Group or Bureau Affairs Meeting,
 * records the decision (which then flows back to the linked tasks) and is dissolved with an outcome.
 */
@Aggregate(commandTargetResolver = "expectedVersionTargetResolver")
class TaskForce {

    @AggregateIdentifier
    private TaskForceId taskForceId;
    private CadreId leadLeaderId;
    private List<TaskId> taskIds;
    private boolean opinionGiven;
    private LeadershipMeeting referredTo;
    private boolean dissolved;

    protected TaskForce() {
    }

    @CommandHandler
    TaskForce(FormTaskForceCommand command) {
        if (!command.actor().personId().equals(command.leadLeaderId().value())) {
            throw new LedgerException(ErrorCode.NOT_THE_TASK_FORCE_LEAD, command.actor().personId()
                    + " may form a task force that they lead themselves, not one in " + command.leadLeaderId() + "'s name");
        }
        LeadFacts lead = command.leadFacts();
        if (!lead.bureauLeader()) {
            throw new LedgerException(ErrorCode.NOT_A_BUREAU_LEADER, command.leadLeaderId() + " is not a bureau leader");
        }
        if (command.kind() == ProblemKind.PERSONNEL) {
            if (!lead.inChargeOfPersonnel()) {
                throw new LedgerException(ErrorCode.PERSONNEL_TASK_FORCE_LEAD,
                        command.leadLeaderId() + " is not the bureau leader in charge of personnel");
            }
            if (lead.personnelOfficeUnitId() == null || !command.memberUnitIds().contains(lead.personnelOfficeUnitId())) {
                throw new LedgerException(ErrorCode.PERSONNEL_OFFICE_NOT_A_MEMBER, "Add the personnel office "
                        + (lead.personnelOfficeUnitId() == null ? "(none is registered yet)" : lead.personnelOfficeUnitId())
                        + " to the task force");
            }
        } else if (!lead.areasInCharge().contains(command.area())) {
            throw new LedgerException(ErrorCode.NOT_IN_CHARGE_OF_AREA, command.leadLeaderId() + " is not in charge of "
                    + command.area() + " (in charge of " + String.join("、", lead.areasInCharge()) + ")");
        }
        apply(new TaskForceFormedEvent(command.taskForceId(), command.problem(), command.kind(), command.area(),
                command.leadLeaderId(), command.memberUnitIds(), command.taskIds(), command.formedAt()));
    }

    @CommandHandler
    void handle(RecordTaskForceMeetingCommand command) {
        requireLeadAndActive(command.actor());
        apply(new TaskForceMeetingHeldEvent(taskForceId, command.heldOn(), command.minutes(), command.recordedAt()));
    }

    @CommandHandler
    void handle(SubmitFeasibilityOpinionCommand command) {
        requireLeadAndActive(command.actor());
        apply(new FeasibilityOpinionSubmittedEvent(taskForceId, command.opinion(), command.submittedAt()));
    }

    @CommandHandler
    void handle(ReferProblemCommand command) {
        requireLeadAndActive(command.actor());
        if (!opinionGiven) {
            throw new LedgerException(ErrorCode.OPINION_REQUIRED, "Submit the feasibility opinion first");
        }
        if (referredTo != null) {
            throw new LedgerException(ErrorCode.REFERRAL_PENDING, "Waiting for the " + referredTo + " to decide");
        }
        apply(new ProblemReferredEvent(taskForceId, command.meeting(), command.referredAt()));
    }

    /** Recorded by the bureau office, which keeps the meetings' minutes. */
    @CommandHandler
    void handle(RecordLeadershipDecisionCommand command) {
        requireActive();
        if (command.meeting() != referredTo) {
            throw new LedgerException(ErrorCode.NOT_REFERRED_TO_THIS_MEETING, "The problem is "
                    + (referredTo == null ? "not referred to any meeting" : "referred to the " + referredTo));
        }
        apply(new LeadershipDecisionRecordedEvent(taskForceId, command.meeting(), command.decisionRef(),
                command.decision(), command.effect(), taskIds, command.recordedAt()));
    }

    @CommandHandler
    void handle(DissolveTaskForceCommand command) {
        requireLeadAndActive(command.actor());
        apply(new TaskForceDissolvedEvent(taskForceId, command.outcome(), taskIds, command.dissolvedAt()));
    }

    private void requireActive() {
        if (dissolved) {
            throw new LedgerException(ErrorCode.TASK_FORCE_DISSOLVED, taskForceId + " is dissolved");
        }
    }

    private void requireLeadAndActive(Actor actor) {
        if (!actor.personId().equals(leadLeaderId.value())) {
            throw new LedgerException(ErrorCode.NOT_THE_TASK_FORCE_LEAD, "Only " + leadLeaderId + " leads " + taskForceId);
        }
        requireActive();
    }

    @EventSourcingHandler
    void on(TaskForceFormedEvent event) {
        taskForceId = event.taskForceId();
        leadLeaderId = event.leadLeaderId();
        taskIds = event.taskIds();
    }

    @EventSourcingHandler
    void on(FeasibilityOpinionSubmittedEvent event) {
        opinionGiven = true;
    }

    @EventSourcingHandler
    void on(ProblemReferredEvent event) {
        referredTo = event.meeting();
    }

    @EventSourcingHandler
    void on(LeadershipDecisionRecordedEvent event) {
        referredTo = null;
    }

    @EventSourcingHandler
    void on(TaskForceDissolvedEvent event) {
        dissolved = true;
    }
}
