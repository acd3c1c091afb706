package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The personnel office registers a cadre (干部) in a unit, with position and party membership. A bureau
 * leader (局领导) belongs to the bureau's leadership (局领导班子), not to a division: registered with no unit.
 */
public record RegisterCadreCommand(@TargetAggregateIdentifier CadreId cadreId, String name, UnitId unitId,
                                   String position, boolean partyMember, LocalDate since, Instant registeredAt) {

    public RegisterCadreCommand {
        Require.present(cadreId, "cadreId");
        name = Require.text(name, "name", 40);
        position = Require.text(position, "position", 60);
        Require.present(since, "since");
        Require.present(registeredAt, "registeredAt");
    }
}
