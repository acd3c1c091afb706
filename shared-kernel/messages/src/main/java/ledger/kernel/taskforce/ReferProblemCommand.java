package ledger.kernel.taskforce;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Refer a major problem, with the task force's opinion, to the Party Group or Bureau Affairs Meeting. */
public record ReferProblemCommand(@TargetAggregateIdentifier TaskForceId taskForceId, Actor actor,
        LeadershipMeeting meeting,
                                  Instant referredAt) {

    public ReferProblemCommand {
        Require.present(taskForceId, "taskForceId");
        Require.present(actor, "actor");
        Require.present(meeting, "meeting");
        Require.present(referredAt, "referredAt");
    }
}
