package ledger.kernel.task;

import java.time.Instant;

import ledger.kernel.taskforce.TaskForceId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TaskEscalatedEvent(TaskId taskId, TaskForceId taskForceId, String problem, Instant escalatedAt) {
}
