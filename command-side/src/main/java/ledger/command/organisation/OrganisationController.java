package ledger.command.organisation;

import java.net.URI;
import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import ledger.command.infrastructure.CommandAccepted;
import ledger.command.infrastructure.CommandSender;
import ledger.kernel.organisation.AppointBureauLeaderCommand;
import ledger.kernel.organisation.AppointUnitHeadCommand;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.EndUnitHeadshipCommand;
import ledger.kernel.organisation.RecordCadreEmailCommand;
import ledger.kernel.organisation.RegisterCadreCommand;
import ledger.kernel.organisation.RegisterUnitCommand;
import ledger.kernel.organisation.TransferCadreCommand;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.web.RequestFields;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Units, cadres and bureau leaders, registered by events so that every rule rests on recorded facts. */
@RestController
@Tag(name = "Organisation 机构与干部")
class OrganisationController {

    private final CommandSender sender;
    private final OrganisationDirectory directory;
    private final Clock clock;

    OrganisationController(CommandSender sender, OrganisationDirectory directory, Clock clock) {
        this.sender = sender;
        this.directory = directory;
        this.clock = clock;
    }

    @PostMapping("/api/units")
    @Operation(summary = "Register a division or affiliated unit (登记机关处室/局属单位)")
    ResponseEntity<CommandAccepted> registerUnit(@Valid @RequestBody OrganisationRequests.RegisterUnit request) {
        UnitId unit = RequestFields.id("unitId", request.unitId(), UnitId::new);
        boolean personnelOffice = Boolean.TRUE.equals(request.personnelOffice());
        if (personnelOffice) {
            directory.personnelOffice().filter(current -> !current.equals(unit)).ifPresent(current -> {
                throw new LedgerException(ErrorCode.ALREADY_REGISTERED, current + " is registered as the personnel office");
            });
        }
        CommandAccepted accepted = sender.send(new RegisterUnitCommand(unit, request.name(), request.kind(),
                personnelOffice, clock.instant()), unit.value());
        return ResponseEntity.created(URI.create("/api/units/" + unit)).body(accepted);
    }

    @PostMapping("/api/cadres")
    @Operation(summary = "Register a cadre in a unit, or a bureau leader with no unit (局领导班子) (登记干部)")
    ResponseEntity<CommandAccepted> registerCadre(@Valid @RequestBody OrganisationRequests.RegisterCadre request) {
        CadreId cadre = RequestFields.id("cadreId", request.cadreId(), CadreId::new);
        UnitId unit = request.unitId() == null ? null : RequestFields.id("unitId", request.unitId(), UnitId::new);
        if (unit != null) {
            directory.requireUnit(unit);
        }
        CommandAccepted accepted = sender.send(new RegisterCadreCommand(cadre, request.name(), unit, request.position(),
                request.partyMember(), request.since(), clock.instant()), cadre.value());
        return ResponseEntity.created(URI.create("/api/cadres/" + cadre)).body(accepted);
    }

    @PostMapping("/api/cadres/{cadreId}/transfers")
    @Operation(summary = "Transfer a cadre to another unit or position (干部调动)")
    ResponseEntity<CommandAccepted> transfer(@PathVariable String cadreId,
                                             @Valid @RequestBody OrganisationRequests.TransferCadre request) {
        CadreId cadre = RequestFields.id("cadreId", cadreId, CadreId::new);
        UnitId unit = RequestFields.id("toUnitId", request.toUnitId(), UnitId::new);
        directory.requireUnit(unit);
        CommandAccepted accepted = sender.send(new TransferCadreCommand(cadre, unit, request.position(),
                request.effectiveOn(), request.reason(), clock.instant()), cadre.value(), request.reason());
        return ResponseEntity.created(URI.create("/api/cadres/" + cadre + "/transfers/" + accepted.version()))
                .body(accepted);
    }

    @PostMapping("/api/cadres/{cadreId}/email-addresses")
    @Operation(summary = "Record the e-mail address at which a cadre is told of reminders (replaces an earlier one)")
    ResponseEntity<CommandAccepted> recordEmail(@PathVariable String cadreId,
                                                @Valid @RequestBody OrganisationRequests.RecordCadreEmail request) {
        CadreId cadre = RequestFields.id("cadreId", cadreId, CadreId::new);
        directory.requireCadre(cadre);
        CommandAccepted accepted = sender.send(new RecordCadreEmailCommand(cadre, request.email(), clock.instant()),
                cadre.value());
        return ResponseEntity.created(URI.create("/api/cadres/" + cadre + "/email-addresses/" + accepted.version()))
                .body(accepted);
    }

    @PostMapping("/api/cadres/{cadreId}/leader-appointments")
    @Operation(summary = "Record a cadre's appointment as bureau leader with areas in charge (局领导分管)")
    ResponseEntity<CommandAccepted> appointLeader(@PathVariable String cadreId,
                                                  @Valid @RequestBody OrganisationRequests.AppointBureauLeader request) {
        CadreId cadre = RequestFields.id("cadreId", cadreId, CadreId::new);
        if (request.inChargeOfPersonnel()) {
            directory.leaderInChargeOfPersonnel().filter(current -> !current.equals(cadre)).ifPresent(current -> {
                throw new LedgerException(ErrorCode.PERSONNEL_ALREADY_IN_CHARGE,
                        current + " is in charge of personnel; record that change for them first");
            });
        }
        CommandAccepted accepted = sender.send(new AppointBureauLeaderCommand(cadre, request.title(),
                request.areasInCharge(), request.inChargeOfPersonnel(), request.effectiveOn(), clock.instant()),
                cadre.value());
        return ResponseEntity.created(URI.create("/api/cadres/" + cadre + "/leader-appointments/" + accepted.version()))
                .body(accepted);
    }

    @PostMapping("/api/units/{unitId}/head-appointments")
    @Operation(summary = "Record who heads a unit from a day on (处室负责人任职); a head in office hands over that day")
    ResponseEntity<CommandAccepted> appointUnitHead(@PathVariable String unitId,
                                                    @Valid @RequestBody OrganisationRequests.AppointUnitHead request) {
        UnitId unit = RequestFields.id("unitId", unitId, UnitId::new);
        CadreId cadre = RequestFields.id("cadreId", request.cadreId(), CadreId::new);
        directory.requireUnit(unit);
        directory.requireCadre(cadre);
        CommandAccepted accepted = sender.send(new AppointUnitHeadCommand(unit, cadre, request.effectiveOn(),
                clock.instant()), unit.value());
        return ResponseEntity.created(URI.create("/api/units/" + unit + "/head-appointments/" + accepted.version()))
                .body(accepted);
    }

    @PostMapping("/api/units/{unitId}/headship-ends")
    @Operation(summary = "Record that the unit's head no longer heads it from a day on (免去处室负责人), with the reason")
    ResponseEntity<CommandAccepted> endUnitHeadship(@PathVariable String unitId,
                                                    @Valid @RequestBody OrganisationRequests.EndUnitHeadship request) {
        UnitId unit = RequestFields.id("unitId", unitId, UnitId::new);
        directory.requireUnit(unit);
        CommandAccepted accepted = sender.send(new EndUnitHeadshipCommand(unit, request.effectiveOn(), request.reason(),
                clock.instant()), unit.value(), request.reason());
        return ResponseEntity.created(URI.create("/api/units/" + unit + "/headship-ends/" + accepted.version()))
                .body(accepted);
    }
}
