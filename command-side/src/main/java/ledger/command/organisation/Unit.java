package ledger.command.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;

import ledger.kernel.organisation.GrantUnitAwardCommand;
import ledger.kernel.organisation.RegisterUnitCommand;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.organisation.UnitAwardGrantedEvent;
import ledger.kernel.organisation.UnitRegisteredEvent;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A division or affiliated unit of the bureau; it owns tasks. */
@Aggregate(commandTargetResolver = "expectedVersionTargetResolver")
class Unit {

    @AggregateIdentifier
    private UnitId unitId;
    private int registeredYear;
    private Set<String> awards = new HashSet<>();

    protected Unit() {
    }

    @CommandHandler
    Unit(RegisterUnitCommand command) {
        apply(new UnitRegisteredEvent(command.unitId(), command.name(), command.kind(), command.personnelOffice(),
                command.registeredAt()));
    }

    @CommandHandler
    void handle(GrantUnitAwardCommand command) {
        if (!command.award().forUnits()) {
            throw new LedgerException(ErrorCode.AWARD_NOT_FOR_UNITS, command.award().label() + " is for cadres");
        }
        if (registeredYear > command.year()) {
            throw new LedgerException(ErrorCode.NOT_ACTIVE_IN_YEAR, unitId + " was registered in " + registeredYear);
        }
        if (awards.contains(command.award() + ":" + command.year())) {
            throw new LedgerException(ErrorCode.AWARD_ALREADY_GRANTED, command.award().label() + " " + command.year());
        }
        apply(new UnitAwardGrantedEvent(unitId, command.award(), command.year(), command.citation(), command.grantedAt()));
    }

    @EventSourcingHandler
    void on(UnitRegisteredEvent event) {
        unitId = event.unitId();
        registeredYear = BureauTime.dayOf(event.registeredAt()).getYear();
    }

    @EventSourcingHandler
    void on(UnitAwardGrantedEvent event) {
        awards.add(event.award() + ":" + event.year());
    }
}
