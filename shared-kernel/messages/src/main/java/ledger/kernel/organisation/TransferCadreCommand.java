package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a cadre to another unit or position from a date, for a recorded reason. */
public record TransferCadreCommand(@TargetAggregateIdentifier CadreId cadreId, UnitId toUnitId, String position,
                                   LocalDate effectiveOn, String reason, Instant recordedAt) {

    public TransferCadreCommand {
        Require.present(cadreId, "cadreId");
        Require.present(toUnitId, "toUnitId");
        position = Require.text(position, "position", 60);
        Require.present(effectiveOn, "effectiveOn");
        reason = Require.text(reason, "reason", 1000);
        Require.present(recordedAt, "recordedAt");
    }
}
