package ledger.kernel.task;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DeadlineChangeDeclinedEvent(TaskId taskId, LocalDate proposedDueDate, String note, Instant declinedAt) {
}
