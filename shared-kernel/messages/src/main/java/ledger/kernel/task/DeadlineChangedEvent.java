package ledger.kernel.task;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.organisation.CadreId;
import org.axonframework.serialization.Revision;

/** The due date moved; the original stays in history ("due 03-31, extended to 04-15"). */
@Revision("1")
public record DeadlineChangedEvent(TaskId taskId, LocalDate previousDueDate, LocalDate newDueDate, String reason,
                                   CadreId approvedBy, Instant changedAt) implements DueDateSet {

    @Override
    public LocalDate dueDate() {
        return newDueDate;
    }
}
