package ledger.command.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.List;

import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.kernel.task.AssignTaskCommand;
import ledger.kernel.task.ProgressReportedEvent;
import ledger.kernel.task.ReportProgressCommand;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A key task (重点工作任务): it has one lead leader and one lead unit, and collects progress. */
@Aggregate(snapshotTriggerDefinition = "everyFiftyEvents")
class Task {

    @AggregateIdentifier
    private TaskId taskId;
    private Instant assignedAt;
    private UnitId leadUnitId;
    private List<UnitId> coUnitIds;
    private int lastPercent;

    protected Task() {
    }

    @CommandHandler
    Task(AssignTaskCommand command) {
        apply(new TaskAssignedEvent(command.taskId(), command.title(), command.source(), command.leadLeaderId(),
                command.leadUnitId(), command.coUnitIds(), command.dueDate(), command.ledgerMonth(),
                command.assignedAt()));
    }

    @CommandHandler
    void handle(ReportProgressCommand command) {
        requireTaskUnit(command.reporter());
        if (command.reportedAt().isBefore(assignedAt)) {
            throw new LedgerException(ErrorCode.PROGRESS_BEFORE_ASSIGNMENT,
                    "The task was assigned at " + assignedAt + "; progress cannot be reported as of " + command.reportedAt());
        }
        if (command.percent() < lastPercent) {
            throw new LedgerException(ErrorCode.PROGRESS_MAY_NOT_DECREASE,
                    "Progress was last reported at " + lastPercent + "%; a report of " + command.percent()
                            + "% would go backwards. Correct an earlier report instead.");
        }
        apply(new ProgressReportedEvent(taskId, command.percent(), command.narrative(), command.reportedAt()));
    }

    /** Object-level rule: only people of the lead unit or a co-unit act on a task's progress. */
    private void requireTaskUnit(Actor actor) {
        if (!Role.UNIT_ROLES.contains(actor.role())) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "Progress is reported by the units doing the work");
        }
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
        leadUnitId = event.leadUnitId();
        coUnitIds = event.coUnitIds();
        lastPercent = 0;
    }

    @EventSourcingHandler
    void on(ProgressReportedEvent event) {
        lastPercent = event.percent();
    }
}
