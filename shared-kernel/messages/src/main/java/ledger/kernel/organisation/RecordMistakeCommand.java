package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A mistake on the cadre's record; it stays there, also if it is later excused. */
public record RecordMistakeCommand(@TargetAggregateIdentifier CadreId cadreId,
                                   String mistakeId,
                                   String description,
                                   LocalDate occurredOn,
                                   List<String> evidenceEventIds,
                                   Instant recordedAt) {

    public RecordMistakeCommand {
        Require.present(cadreId, "cadreId");
        Require.id(mistakeId, "mistakeId");
        description = Require.text(description, "description", 4000);
        Require.present(occurredOn, "occurredOn");
        evidenceEventIds = List.copyOf(evidenceEventIds == null ? List.of() : evidenceEventIds);
        Require.present(recordedAt, "recordedAt");
    }
}
