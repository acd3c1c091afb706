package ledger.kernel.task;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The lead unit says the task is done; it counts as completed only once the supervision group verifies it. */
public record ClaimCompletionCommand(@TargetAggregateIdentifier TaskId taskId, Actor claimant, String summary,
                                     Instant claimedAt) {

    public ClaimCompletionCommand {
        Require.present(taskId, "taskId");
        Require.present(claimant, "claimant");
        summary = Require.text(summary, "summary", 4000);
        Require.present(claimedAt, "claimedAt");
    }
}
