package ledger.kernel.task;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The supervision group does not accept a claimed completion, and says why. */
public record RejectCompletionCommand(@TargetAggregateIdentifier TaskId taskId, Actor verifier, String reason,
                                      Instant rejectedAt) {

    public RejectCompletionCommand {
        Require.present(taskId, "taskId");
        Require.present(verifier, "verifier");
        reason = Require.text(reason, "reason", 2000);
        Require.present(rejectedAt, "rejectedAt");
    }
}
