package ledger.command.meeting;

import java.util.List;

import ledger.kernel.meeting.TaskAssignedAtMeetingEvent;
import ledger.kernel.meeting.TaskCancellationDecidedEvent;
import ledger.kernel.task.AssignTaskCommand;
import ledger.kernel.task.CloseTaskByDecisionCommand;
import ledger.kernel.task.TaskSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

/**
 * Turns the meeting's assignments into key tasks, each keeping its requirement's source and naming the
 * meeting that assigned it, and its
 * decisions to cancel or merge tasks into closed tasks. Runs on
 * the command side's flows tracking processor: restart-safe, not on replays; a task that already
 * exists (the flow was interrupted after assigning it) is left as it is.
 */
@Component
@ProcessingGroup("command-flows")
@DisallowReplay
class MeetingFlows {

    private final CommandGateway commands;

    MeetingFlows(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(TaskAssignedAtMeetingEvent event) {
        try {
            // the requirement's own source stays on the task; a task of the meeting's own names the meeting
            String reference = event.source() == TaskSource.DIRECTORS_DELIBERATION_MEETING
                    && event.sourceReference() == null ? event.meetingId().value() : event.sourceReference();
            commands.sendAndWait(new AssignTaskCommand(event.taskId(), event.title(), event.description(),
                    event.source(), reference, event.leadLeaderId(), event.leadUnitId(), event.coUnitIds(),
                    event.dueDate(), event.ledgerMonth(), event.assignedAt(), List.of(), event.meetingId().value()));
        } catch (AggregateStreamCreationException alreadyAssigned) {
            // assigned before the interruption
        }
    }

    @EventHandler
    void on(TaskCancellationDecidedEvent event) {
        commands.sendAndWait(new CloseTaskByDecisionCommand(event.taskId(), event.intoTaskId(),
                event.meetingId().value(), event.reason(), event.decidedAt()));
    }
}
