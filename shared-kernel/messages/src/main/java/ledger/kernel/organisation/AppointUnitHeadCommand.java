package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a cadre heads a unit (处室负责人) from a day on. A head already in office hands over
 * on that day: the unit records the end of their headship first.
 */
public record AppointUnitHeadCommand(@TargetAggregateIdentifier UnitId unitId, CadreId cadreId, LocalDate effectiveOn,
                                     Instant recordedAt) {

    public AppointUnitHeadCommand {
        Require.present(unitId, "unitId");
        Require.present(cadreId, "cadreId");
        Require.present(effectiveOn, "effectiveOn");
        Require.present(recordedAt, "recordedAt");
    }
}
