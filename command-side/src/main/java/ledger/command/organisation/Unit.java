package ledger.command.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import ledger.kernel.organisation.AppointUnitHeadCommand;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.EndUnitHeadshipCommand;
import ledger.kernel.organisation.GrantUnitAwardCommand;
import ledger.kernel.organisation.RegisterUnitCommand;
import ledger.kernel.organisation.UnitHeadAppointedEvent;
import ledger.kernel.organisation.UnitHeadshipEndedEvent;
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

/**
 * A division or affiliated unit of the bureau; it owns tasks. Who heads it (处室负责人) is a
 * sequence of dated facts: an appointment, then the end of that headship (on its own, or on the
 * day a successor is appointed), in date order.
 */
@Aggregate(commandTargetResolver = "expectedVersionTargetResolver")
class Unit {

    @AggregateIdentifier
    private UnitId unitId;
    private int registeredYear;
    private Set<String> awards = new HashSet<>();
    /** The head in office (null: none) and since when. */
    private CadreId head;
    private LocalDate headSince;
    /** The day the last headship ended (null: none ended yet). */
    private LocalDate lastHeadshipEnded;

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

    /**
     * The cadre heads the unit from the day on. A head in office hands over that day (their
     * headship ends first, by its own event); facts are recorded in date order.
     */
    @CommandHandler
    void handle(AppointUnitHeadCommand command) {
        LocalDate from = command.effectiveOn();
        if (command.cadreId().equals(head)) {
            throw new LedgerException(ErrorCode.ALREADY_UNIT_HEAD, command.cadreId() + " heads " + unitId + " since "
                    + headSince);
        }
        if (head != null && !from.isAfter(headSince)) {
            throw new LedgerException(ErrorCode.HEADSHIP_BEFORE_LAST_CHANGE, head + " heads " + unitId + " since "
                    + headSince + "; a successor takes over after that day, not on " + from);
        }
        if (head == null && lastHeadshipEnded != null && from.isBefore(lastHeadshipEnded)) {
            throw new LedgerException(ErrorCode.HEADSHIP_BEFORE_LAST_CHANGE, "The last headship of " + unitId
                    + " ended on " + lastHeadshipEnded + "; a new head cannot start on " + from);
        }
        if (head != null) {
            apply(new UnitHeadshipEndedEvent(unitId, head, from, "由 " + command.cadreId() + " 接任",
                    command.recordedAt()));
        }
        apply(new UnitHeadAppointedEvent(unitId, command.cadreId(), from, command.recordedAt()));
    }

    @CommandHandler
    void handle(EndUnitHeadshipCommand command) {
        if (head == null) {
            throw new LedgerException(ErrorCode.NO_UNIT_HEAD, unitId + " has no head in office");
        }
        if (!command.effectiveOn().isAfter(headSince)) {
            throw new LedgerException(ErrorCode.HEADSHIP_BEFORE_LAST_CHANGE, head + " heads " + unitId + " since "
                    + headSince + "; the headship ends after that day, not on " + command.effectiveOn());
        }
        apply(new UnitHeadshipEndedEvent(unitId, head, command.effectiveOn(), command.reason(), command.recordedAt()));
    }

    @EventSourcingHandler
    void on(UnitHeadAppointedEvent event) {
        head = event.cadreId();
        headSince = event.effectiveOn();
    }

    @EventSourcingHandler
    void on(UnitHeadshipEndedEvent event) {
        head = null;
        headSince = null;
        lastHeadshipEnded = event.effectiveOn();
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
