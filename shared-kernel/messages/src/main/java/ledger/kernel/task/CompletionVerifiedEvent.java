package ledger.kernel.task;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** The task is completed; {@code onTime} compares the claim with the due date in force then. */
@Revision("1")
public record CompletionVerifiedEvent(TaskId taskId, String note, Instant claimedAt, LocalDate dueDate,
                                      boolean onTime, Instant verifiedAt) {
}
