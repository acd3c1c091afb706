package ledger.kernel.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import org.axonframework.serialization.Revision;

/**
 * Part of the meeting's record; the task itself is then assigned from it, for {@code ledgerMonth}, with the
 * requirement's source and reference. Revision 2 added the source (revision 1 events read as the meeting's own).
 */
@Revision("2")
public record TaskAssignedAtMeetingEvent(MeetingId meetingId, TaskId taskId, String title, String description,
                                         TaskSource source, String sourceReference,
                                         CadreId leadLeaderId, UnitId leadUnitId, List<UnitId> coUnitIds,
                                         LocalDate dueDate, YearMonth ledgerMonth, Instant assignedAt) {
}
