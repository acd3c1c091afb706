package ledger.kernel.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TaskAssignedEvent(
        TaskId taskId,
        String title,
        TaskSource source,
        CadreId leadLeaderId,
        UnitId leadUnitId,
        LocalDate dueDate,
        YearMonth ledgerMonth,
        Instant assignedAt) {
}
