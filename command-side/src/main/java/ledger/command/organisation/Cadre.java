package ledger.command.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;

import ledger.kernel.organisation.AppointBureauLeaderCommand;
import ledger.kernel.organisation.BureauLeaderAppointedEvent;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.CadreRegisteredEvent;
import ledger.kernel.organisation.CadreTransferredEvent;
import ledger.kernel.organisation.RegisterCadreCommand;
import ledger.kernel.organisation.TransferCadreCommand;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A cadre (干部): where they serve, since when, and whether they are a bureau leader. */
@Aggregate(commandTargetResolver = "expectedVersionTargetResolver")
class Cadre {

    @AggregateIdentifier
    private CadreId cadreId;
    private UnitId unitId;
    private String position;
    private LocalDate postedSince;

    protected Cadre() {
    }

    @CommandHandler
    Cadre(RegisterCadreCommand command) {
        apply(new CadreRegisteredEvent(command.cadreId(), command.name(), command.unitId(), command.position(),
                command.partyMember(), command.since(), command.registeredAt()));
    }

    @CommandHandler
    void handle(TransferCadreCommand command) {
        if (command.toUnitId().equals(unitId) && command.position().equals(position)) {
            throw new LedgerException(ErrorCode.TRANSFER_TO_SAME_UNIT_AND_POSITION,
                    cadreId + " already serves as " + position + " in " + unitId);
        }
        if (command.effectiveOn().isBefore(postedSince)) {
            throw new LedgerException(ErrorCode.TRANSFER_BEFORE_CURRENT_POSTING, "The current posting began on "
                    + postedSince + "; a transfer cannot take effect on " + command.effectiveOn());
        }
        apply(new CadreTransferredEvent(cadreId, unitId, command.toUnitId(), command.position(), command.effectiveOn(),
                command.reason(), command.recordedAt()));
    }

    @CommandHandler
    void handle(AppointBureauLeaderCommand command) {
        apply(new BureauLeaderAppointedEvent(cadreId, command.title(), command.areasInCharge(),
                command.inChargeOfPersonnel(), command.effectiveOn(), command.recordedAt()));
    }

    @EventSourcingHandler
    void on(CadreRegisteredEvent event) {
        cadreId = event.cadreId();
        unitId = event.unitId();
        position = event.position();
        postedSince = event.since();
    }

    @EventSourcingHandler
    void on(CadreTransferredEvent event) {
        unitId = event.toUnitId();
        position = event.position();
        postedSince = event.effectiveOn();
    }
}
