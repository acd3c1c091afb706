package ledger.kernel.task;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record TaskCancelledEvent(TaskId taskId, String decisionRef, String reason, Instant cancelledAt) {
}
