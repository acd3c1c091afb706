package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The cadre leaves the bureau (transferred out); no assessment covers a period after that. */
public record RecordCadreDepartureCommand(@TargetAggregateIdentifier CadreId cadreId,
                                          LocalDate effectiveOn,
                                          String reason,
                                          Instant recordedAt) {

    public RecordCadreDepartureCommand {
        Require.present(cadreId, "cadreId");
        Require.present(effectiveOn, "effectiveOn");
        reason = Require.text(reason, "reason", 1000);
        Require.present(recordedAt, "recordedAt");
    }
}
