package ledger.command.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;

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
    private int lastPercent;

    protected Task() {
    }

    @CommandHandler
    Task(AssignTaskCommand command) {
        apply(new TaskAssignedEvent(command.taskId(), command.title(), command.source(), command.leadLeaderId(),
                command.leadUnitId(), command.dueDate(), command.ledgerMonth(), command.assignedAt()));
    }

    @CommandHandler
    void handle(ReportProgressCommand command) {
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

    @EventSourcingHandler
    void on(TaskAssignedEvent event) {
        taskId = event.taskId();
        assignedAt = event.assignedAt();
        lastPercent = 0;
    }

    @EventSourcingHandler
    void on(ProgressReportedEvent event) {
        lastPercent = event.percent();
    }
}
