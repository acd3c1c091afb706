package ledger.kernel.task;

import java.time.Instant;

import ledger.kernel.shared.Require;
import ledger.kernel.taskforce.TaskForceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hand a stuck task to a task force; sent when the task force is formed. */
public record EscalateTaskCommand(@TargetAggregateIdentifier TaskId taskId, TaskForceId taskForceId, String problem,
                                  Instant escalatedAt) {

    public EscalateTaskCommand {
        Require.present(taskId, "taskId");
        Require.present(taskForceId, "taskForceId");
        problem = Require.text(problem, "problem", 1000);
        Require.present(escalatedAt, "escalatedAt");
    }
}
