package ledger.kernel.account;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open a sign-in account for a person in one role; the password never travels in a message. */
public record OpenAccountCommand(@TargetAggregateIdentifier AccountId accountId, String personId, Role role,
                                 String unitId, String displayName, Actor openedBy, PersonFacts facts,
                                 Instant openedAt) {

    public OpenAccountCommand {
        Require.present(accountId, "accountId");
        Require.id(personId, "personId");
        Require.present(role, "role");
        if (unitId != null) {
            Require.id(unitId, "unitId");
        }
        displayName = Require.text(displayName, "displayName", 60);
        Require.present(openedBy, "openedBy");
        Require.present(facts, "facts");
        Require.present(openedAt, "openedAt");
    }
}
