package ledger.kernel.task;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.organisation.UnitId;
import org.axonframework.serialization.Revision;

/**
 * The unit had not signed for the task by the end of {@code receiptDueBy}, the last of its receipt
 * working days; recorded once per unit and task by the deadline watch, whenever the unit signs later.
 */
@Revision("1")
public record TaskReceivedLateEvent(
        TaskId taskId,
        UnitId unitId,
        boolean leadUnit,
        LocalDate receiptDueBy,
        Instant detectedAt) {
}
