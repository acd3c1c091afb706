package ledger.kernel.account;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give an account another role (and unit), on the same recorded facts as opening one. */
public record ChangeAccountRoleCommand(@TargetAggregateIdentifier AccountId accountId, Role role, String unitId,
                                       Actor changedBy, PersonFacts facts, Instant changedAt) {

    public ChangeAccountRoleCommand {
        Require.present(accountId, "accountId");
        Require.present(role, "role");
        if (unitId != null) {
            Require.id(unitId, "unitId");
        }
        Require.present(changedBy, "changedBy");
        Require.present(facts, "facts");
        Require.present(changedAt, "changedAt");
    }
}
