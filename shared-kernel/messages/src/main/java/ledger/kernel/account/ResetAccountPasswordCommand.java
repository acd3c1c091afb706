package ledger.kernel.account;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An administrator sets a new random password, shown once to the administrator. */
public record ResetAccountPasswordCommand(@TargetAggregateIdentifier AccountId accountId, Actor actor, String reason, Instant at) {

    public ResetAccountPasswordCommand {
        Require.present(accountId, "accountId");
        Require.present(actor, "actor");
        if (reason != null) {
            reason = Require.text(reason, "reason", 500);
        }
        Require.present(at, "at");
    }
}
