package ledger.kernel.task;

import java.time.Instant;

import ledger.kernel.shared.Require;
import ledger.kernel.taskforce.DecisionEffect;
import ledger.kernel.taskforce.LeadershipMeeting;
import ledger.kernel.taskforce.TaskForceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A leadership meeting's decision reaches a linked task. Applying the same decision again is harmless. */
public record ApplyLeadershipDecisionCommand(@TargetAggregateIdentifier TaskId taskId, TaskForceId taskForceId,
                                             LeadershipMeeting meeting, String decisionRef, DecisionEffect effect,
                                             Instant decidedAt) {

    public ApplyLeadershipDecisionCommand {
        Require.present(taskId, "taskId");
        Require.present(taskForceId, "taskForceId");
        Require.present(meeting, "meeting");
        Require.present(decisionRef, "decisionRef");
        Require.present(effect, "effect");
        Require.present(decidedAt, "decidedAt");
    }
}
