package ledger.kernel.account;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a disabled account sign in again. */
public record EnableAccountCommand(@TargetAggregateIdentifier AccountId accountId, Actor actor, String reason, Instant at) {

    public EnableAccountCommand {
        Require.present(accountId, "accountId");
        Require.present(actor, "actor");
        if (reason != null) {
            reason = Require.text(reason, "reason", 500);
        }
        Require.present(at, "at");
    }
}
