package ledger.kernel.organisation;

import java.time.Instant;

import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A 双创双争 award to a cadre for a year. */
public record GrantCadreAwardCommand(@TargetAggregateIdentifier CadreId cadreId,
                                     AwardKind award,
                                     int year,
                                     String citation,
                                     Instant grantedAt) {

    public GrantCadreAwardCommand {
        Require.present(cadreId, "cadreId");
        Require.present(award, "award");
        Require.between(year, 2000, 2100, "year");
        citation = Require.text(citation, "citation", 2000);
        Require.present(grantedAt, "grantedAt");
    }
}
