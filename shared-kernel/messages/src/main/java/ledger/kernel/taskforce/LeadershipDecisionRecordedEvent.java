package ledger.kernel.taskforce;

import java.time.Instant;
import java.util.List;

import ledger.kernel.task.TaskId;
import org.axonframework.serialization.Revision;

/** Carries the linked tasks, so the decision can flow back to them without looking anything up. */
@Revision("1")
public record LeadershipDecisionRecordedEvent(TaskForceId taskForceId, LeadershipMeeting meeting, String decisionRef,
                                              String decision, DecisionEffect effect, List<TaskId> taskIds,
                                              Instant recordedAt) {
}
