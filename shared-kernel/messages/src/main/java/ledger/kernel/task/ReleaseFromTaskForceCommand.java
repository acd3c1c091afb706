package ledger.kernel.task;

import java.time.Instant;

import ledger.kernel.shared.Require;
import ledger.kernel.taskforce.TaskForceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The task force was dissolved; the task returns to its units. Harmless if already released. */
public record ReleaseFromTaskForceCommand(@TargetAggregateIdentifier TaskId taskId, TaskForceId taskForceId,
                                          String outcome, Instant releasedAt) {

    public ReleaseFromTaskForceCommand {
        Require.present(taskId, "taskId");
        Require.present(taskForceId, "taskForceId");
        Require.present(outcome, "outcome");
        Require.present(releasedAt, "releasedAt");
    }
}
