package ledger.kernel.task;

import java.time.Instant;

import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent from a recorded decision: cancel the task, or merge it into another. Harmless to repeat. */
public record CloseTaskByDecisionCommand(@TargetAggregateIdentifier TaskId taskId, TaskId intoTaskId,
                                         String decisionRef, String reason, Instant decidedAt) {

    public CloseTaskByDecisionCommand {
        Require.present(taskId, "taskId");
        Require.present(decisionRef, "decisionRef");
        Require.present(reason, "reason");
        Require.present(decidedAt, "decidedAt");
    }
}
