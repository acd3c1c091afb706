package ledger.command.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import ledger.kernel.organisation.RegisterUnitCommand;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.organisation.UnitRegisteredEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A division or affiliated unit of the bureau; it owns tasks. */
@Aggregate(commandTargetResolver = "expectedVersionTargetResolver")
class Unit {

    @AggregateIdentifier
    private UnitId unitId;

    protected Unit() {
    }

    @CommandHandler
    Unit(RegisterUnitCommand command) {
        apply(new UnitRegisteredEvent(command.unitId(), command.name(), command.kind(), command.personnelOffice(),
                command.registeredAt()));
    }

    @EventSourcingHandler
    void on(UnitRegisteredEvent event) {
        unitId = event.unitId();
    }
}
