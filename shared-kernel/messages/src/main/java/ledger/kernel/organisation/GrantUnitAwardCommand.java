package ledger.kernel.organisation;

import java.time.Instant;

import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A 双创双争 award to a unit for a year. */
public record GrantUnitAwardCommand(@TargetAggregateIdentifier UnitId unitId,
                                    AwardKind award,
                                    int year,
                                    String citation,
                                    Instant grantedAt) {

    public GrantUnitAwardCommand {
        Require.present(unitId, "unitId");
        Require.present(award, "award");
        Require.between(year, 2000, 2100, "year");
        citation = Require.text(citation, "citation", 2000);
        Require.present(grantedAt, "grantedAt");
    }
}
