package ledger.kernel.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.shared.Require;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The meeting assigns one of next month's key tasks, with its lead leader and lead unit, whatever its
 * requirement's source (a city, ministry or central requirement, a Party Group decision...): the task
 * keeps that source and its reference; without one, the meeting itself is the source.
 */
public record AssignTaskAtMeetingCommand(@TargetAggregateIdentifier MeetingId meetingId, TaskId taskId, String title,
                                         String description, TaskSource source, String sourceReference,
                                         CadreId leadLeaderId, UnitId leadUnitId, List<UnitId> coUnitIds,
                                         LocalDate dueDate, Instant assignedAt) {

    public AssignTaskAtMeetingCommand {
        Require.present(meetingId, "meetingId");
        Require.present(taskId, "taskId");
        title = Require.text(title, "title", 200);
        source = source == null ? TaskSource.DIRECTORS_DELIBERATION_MEETING : source;
        sourceReference = sourceReference == null || sourceReference.isBlank() ? null
                : Require.text(sourceReference, "sourceReference", 200);
        Require.present(leadLeaderId, "leadLeaderId");
        Require.present(leadUnitId, "leadUnitId");
        coUnitIds = coUnitIds == null ? List.of() : List.copyOf(coUnitIds);
        Require.present(dueDate, "dueDate");
        Require.present(assignedAt, "assignedAt");
    }
}
