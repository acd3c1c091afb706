package ledger.kernel.taskforce;

import java.time.Instant;
import java.util.List;

import ledger.kernel.task.TaskId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TaskForceDissolvedEvent(TaskForceId taskForceId, String outcome, List<TaskId> taskIds,
                                      Instant dissolvedAt) {
}
