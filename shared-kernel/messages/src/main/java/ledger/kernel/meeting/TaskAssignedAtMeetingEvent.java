package ledger.kernel.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.task.TaskId;
import org.axonframework.serialization.Revision;

/** Part of the meeting's record; the task itself is then assigned from it, for {@code ledgerMonth}. */
@Revision("1")
public record TaskAssignedAtMeetingEvent(MeetingId meetingId, TaskId taskId, String title, String description,
                                         CadreId leadLeaderId, UnitId leadUnitId, List<UnitId> coUnitIds,
                                         LocalDate dueDate, YearMonth ledgerMonth, Instant assignedAt) {
}
