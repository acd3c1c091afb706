package ledger.kernel.task;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** Yellow: the due date is near and the task is not completed. */
@Revision("1")
public record TaskFellAtRiskEvent(TaskId taskId, LocalDate dueDate, Instant detectedAt) {
}
