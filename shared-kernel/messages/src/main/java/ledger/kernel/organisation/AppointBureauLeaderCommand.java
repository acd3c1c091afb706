package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a cadre serves as a bureau leader (局领导), with the areas in charge (分管) and
 * whether the personnel work is among them.
 */
public record AppointBureauLeaderCommand(@TargetAggregateIdentifier CadreId cadreId, String title,
                                         List<String> areasInCharge, boolean inChargeOfPersonnel,
                                         LocalDate effectiveOn, Instant recordedAt) {

    public AppointBureauLeaderCommand {
        Require.present(cadreId, "cadreId");
        title = Require.text(title, "title", 40);
        Require.present(areasInCharge, "areasInCharge");
        areasInCharge = areasInCharge.stream().map(area -> Require.text(area, "areasInCharge", 60)).toList();
        if (areasInCharge.isEmpty() && !inChargeOfPersonnel) {
            throw new InvalidMessageException("areasInCharge", "must name at least one area");
        }
        Require.present(effectiveOn, "effectiveOn");
        Require.present(recordedAt, "recordedAt");
    }
}
