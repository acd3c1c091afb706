package ledger.kernel.task;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** Red: the due date passed without a verified completion; recorded once per due date. */
@Revision("1")
public record DeadlineMissedEvent(TaskId taskId, LocalDate dueDate, Instant detectedAt) {
}
