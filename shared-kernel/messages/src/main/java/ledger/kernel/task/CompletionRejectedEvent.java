package ledger.kernel.task;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CompletionRejectedEvent(TaskId taskId, String reason, Instant rejectedAt) {
}
