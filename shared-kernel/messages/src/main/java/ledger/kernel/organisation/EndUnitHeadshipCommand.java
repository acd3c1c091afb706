package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that the unit's head no longer heads it from {@code effectiveOn} on (that day is the
 * first one without them), for a recorded reason, when no successor is appointed on that day.
 */
public record EndUnitHeadshipCommand(@TargetAggregateIdentifier UnitId unitId, LocalDate effectiveOn, String reason,
                                     Instant recordedAt) {

    public EndUnitHeadshipCommand {
        Require.present(unitId, "unitId");
        Require.present(effectiveOn, "effectiveOn");
        reason = Require.text(reason, "reason", 1000);
        Require.present(recordedAt, "recordedAt");
    }
}
