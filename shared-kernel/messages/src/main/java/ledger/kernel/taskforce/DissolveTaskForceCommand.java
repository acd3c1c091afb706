package ledger.kernel.taskforce;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DissolveTaskForceCommand(@TargetAggregateIdentifier TaskForceId taskForceId, Actor actor,
        String outcome,
                                       Instant dissolvedAt) {

    public DissolveTaskForceCommand {
        Require.present(taskForceId, "taskForceId");
        Require.present(actor, "actor");
        outcome = Require.text(outcome, "outcome", 4000);
        Require.present(dissolvedAt, "dissolvedAt");
    }
}
