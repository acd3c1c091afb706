package ledger.kernel.task;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DeadlineChangeRequestedEvent(TaskId taskId, LocalDate currentDueDate, LocalDate proposedDueDate,
                                           String reason, Instant requestedAt) {
}
