package ledger.kernel.organisation;

import java.time.Instant;

import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a division (机关处室) or an affiliated unit (局属单位) of the bureau; one division is
 * the personnel office (人事处), which personnel task forces must include.
 */
public record RegisterUnitCommand(@TargetAggregateIdentifier UnitId unitId, String name, UnitKind kind,
                                  boolean personnelOffice, Instant registeredAt) {

    public RegisterUnitCommand {
        Require.present(unitId, "unitId");
        name = Require.text(name, "name", 60);
        Require.present(kind, "kind");
        Require.present(registeredAt, "registeredAt");
    }
}
