package ledger.kernel.account;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop an account from signing in, on every service from the next request on. */
public record DisableAccountCommand(@TargetAggregateIdentifier AccountId accountId, Actor actor, String reason, Instant at) {

    public DisableAccountCommand {
        Require.present(accountId, "accountId");
        Require.present(actor, "actor");
        if (reason != null) {
            reason = Require.text(reason, "reason", 500);
        }
        Require.present(at, "at");
    }
}
