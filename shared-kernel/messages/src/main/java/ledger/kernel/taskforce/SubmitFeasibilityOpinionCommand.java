package ledger.kernel.taskforce;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The task force's feasibility opinion (可行性意见) on how to solve the problem. */
public record SubmitFeasibilityOpinionCommand(@TargetAggregateIdentifier TaskForceId taskForceId, Actor actor,
        String opinion,
                                              Instant submittedAt) {

    public SubmitFeasibilityOpinionCommand {
        Require.present(taskForceId, "taskForceId");
        Require.present(actor, "actor");
        opinion = Require.text(opinion, "opinion", 8000);
        Require.present(submittedAt, "submittedAt");
    }
}
