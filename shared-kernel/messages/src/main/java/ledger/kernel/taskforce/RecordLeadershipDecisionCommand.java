package ledger.kernel.taskforce;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the referred meeting's decision; it flows back to every linked task. */
public record RecordLeadershipDecisionCommand(@TargetAggregateIdentifier TaskForceId taskForceId, Actor actor,
                                              LeadershipMeeting meeting, String decisionRef, String decision,
                                              DecisionEffect effect, Instant recordedAt) {

    public RecordLeadershipDecisionCommand {
        Require.present(taskForceId, "taskForceId");
        Require.present(actor, "actor");
        Require.present(meeting, "meeting");
        decisionRef = Require.text(decisionRef, "decisionRef", 100);
        decision = Require.text(decision, "decision", 8000);
        Require.present(effect, "effect");
        Require.present(recordedAt, "recordedAt");
    }
}
