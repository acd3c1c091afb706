package ledger.kernel.organisation;

import java.time.Instant;

import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The Party Group excuses a recorded mistake (容错), reasoned by the three distinctions (三个区分开来):
 * a trial in reform versus breaking rules knowingly, for the public good versus private gain,
 * without precedent versus knowingly. The mistake stays on the record beside the decision.
 */
public record DecideErrorToleranceCommand(@TargetAggregateIdentifier CadreId cadreId,
                                          String mistakeId,
                                          String experimentVersusViolation,
                                          String publicVersusPrivate,
                                          String unawareVersusKnowing,
                                          String partyGroupDecisionRef,
                                          Instant decidedAt) {

    public DecideErrorToleranceCommand {
        Require.present(cadreId, "cadreId");
        Require.id(mistakeId, "mistakeId");
        experimentVersusViolation = Require.text(experimentVersusViolation, "experimentVersusViolation", 2000);
        publicVersusPrivate = Require.text(publicVersusPrivate, "publicVersusPrivate", 2000);
        unawareVersusKnowing = Require.text(unawareVersusKnowing, "unawareVersusKnowing", 2000);
        partyGroupDecisionRef = Require.text(partyGroupDecisionRef, "partyGroupDecisionRef", 100);
        Require.present(decidedAt, "decidedAt");
    }
}
