package ledger.kernel.task;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CompletionClaimedEvent(TaskId taskId, String summary, Instant claimedAt) {
}
