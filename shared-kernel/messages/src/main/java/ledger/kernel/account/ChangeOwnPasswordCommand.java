package ledger.kernel.account;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change one's own password (checked against the current one before this is sent). */
public record ChangeOwnPasswordCommand(@TargetAggregateIdentifier AccountId accountId, Actor actor, String reason, Instant at) {

    public ChangeOwnPasswordCommand {
        Require.present(accountId, "accountId");
        Require.present(actor, "actor");
        if (reason != null) {
            reason = Require.text(reason, "reason", 500);
        }
        Require.present(at, "at");
    }
}
