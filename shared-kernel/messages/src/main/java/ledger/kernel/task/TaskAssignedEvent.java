package ledger.kernel.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import org.axonframework.serialization.Revision;

@Revision("1")
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
        List<Milestone> milestones) implements DueDateSet {
}
