package ledger.kernel.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import org.axonframework.serialization.Revision;

/**
 * A key task is assigned. {@code meetingId} names the director's deliberation meeting that assigned it
 * (null when it was assigned otherwise), apart from the requirement's source. Revision 2 added it; a
 * revision 1 event of a meeting's task (source the meeting, reference its id) reads with that meeting.
 */
@Revision("2")
public record TaskAssignedEvent(
        TaskId taskId,
        String title,
        String description,
        TaskSource source,
        String sourceReference,
        CadreId leadLeaderId,
        UnitId leadUnitId,
        List<UnitId> coUnitIds,
        LocalDate dueDate,
        YearMonth ledgerMonth,
        Instant assignedAt,
        List<Milestone> milestones,
        String meetingId) implements DueDateSet {

    /** A task assigned other than at a deliberation meeting. */
    public TaskAssignedEvent(TaskId taskId, String title, String description, TaskSource source, String sourceReference,
                             CadreId leadLeaderId, UnitId leadUnitId, List<UnitId> coUnitIds, LocalDate dueDate,
                             YearMonth ledgerMonth, Instant assignedAt, List<Milestone> milestones) {
        this(taskId, title, description, source, sourceReference, leadLeaderId, leadUnitId, coUnitIds, dueDate,
                ledgerMonth, assignedAt, milestones, null);
    }
}
