package ledger.kernel.task;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record TaskMergedEvent(TaskId taskId, TaskId intoTaskId, String decisionRef, String reason, Instant mergedAt) {
}
