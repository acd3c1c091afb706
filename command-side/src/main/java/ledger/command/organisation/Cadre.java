package ledger.command.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import ledger.kernel.organisation.AppointBureauLeaderCommand;
import ledger.kernel.organisation.ApproveAssessmentCorrectionCommand;
import ledger.kernel.organisation.AssessmentCorrectedEvent;
import ledger.kernel.organisation.AssessmentCorrectionRequestedEvent;
import ledger.kernel.organisation.AssessmentKind;
import ledger.kernel.organisation.AssessmentRecordedEvent;
import ledger.kernel.organisation.CadreAwardGrantedEvent;
import ledger.kernel.organisation.CadreEmailRecordedEvent;
import ledger.kernel.organisation.CadreLeftBureauEvent;
import ledger.kernel.organisation.DecideErrorToleranceCommand;
import ledger.kernel.organisation.ErrorToleranceDecidedEvent;
import ledger.kernel.organisation.FrontLineWorkRecordedEvent;
import ledger.kernel.organisation.GrantCadreAwardCommand;
import ledger.kernel.organisation.MistakeRecordedEvent;
import ledger.kernel.organisation.RecordAssessmentCommand;
import ledger.kernel.organisation.RecordCadreEmailCommand;
import ledger.kernel.organisation.RecordCadreDepartureCommand;
import ledger.kernel.organisation.RecordFrontLineWorkCommand;
import ledger.kernel.organisation.RecordMistakeCommand;
import ledger.kernel.organisation.RequestAssessmentCorrectionCommand;
import ledger.kernel.organisation.BureauLeaderAppointedEvent;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.CadreRegisteredEvent;
import ledger.kernel.organisation.CadreTransferredEvent;
import ledger.kernel.organisation.RegisterCadreCommand;
import ledger.kernel.organisation.TransferCadreCommand;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A cadre (干部): where they serve and since when, leadership, assessments (corrected with four
 * eyes), 双创双争 awards, front-line record, mistakes and the error-tolerance decisions that excuse them.
 */
@Aggregate(commandTargetResolver = "expectedVersionTargetResolver")
class Cadre {

    @AggregateIdentifier
    private CadreId cadreId;
    private UnitId unitId;
    private String position;
    private LocalDate postedSince;
    private LocalDate registeredSince;
    private LocalDate departedOn;
    private String email;
    private Map<String, AssessmentRecordedEvent> assessments = new HashMap<>();
    private Set<Integer> annualYears = new HashSet<>();
    private Map<String, AssessmentCorrectionRequestedEvent> pendingCorrections = new HashMap<>();
    private Set<String> awards = new HashSet<>();
    private Map<String, Boolean> mistakesExcused = new HashMap<>();

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

    @CommandHandler
    void handle(RecordAssessmentCommand command) {
        requireRole(command.recorder(), Role.PERSONNEL_OFFICE);
        requireNotOwnRecord(command.recorder());
        if (assessments.containsKey(command.assessmentId())) {
            throw new LedgerException(ErrorCode.DUPLICATE_ASSESSMENT, command.assessmentId() + " is recorded");
        }
        if (departedOn != null && command.periodEnd().isAfter(departedOn)) {
            throw new LedgerException(ErrorCode.ASSESSMENT_AFTER_DEPARTURE, cadreId + " left the bureau on " + departedOn);
        }
        if (command.kind() == AssessmentKind.ANNUAL && annualYears.contains(command.periodEnd().getYear())) {
            throw new LedgerException(ErrorCode.ANNUAL_ASSESSMENT_EXISTS, cadreId + " has an annual assessment for "
                    + command.periodEnd().getYear());
        }
        apply(new AssessmentRecordedEvent(cadreId, command.assessmentId(), command.kind(), command.period(),
                command.grade(), command.periodEnd(), command.recordedAt()));
    }

    @CommandHandler
    void handle(RequestAssessmentCorrectionCommand command) {
        requireRole(command.requester(), Role.PERSONNEL_OFFICE);
        requireNotOwnRecord(command.requester());
        AssessmentRecordedEvent assessment = assessments.get(command.assessmentId());
        if (assessment == null) {
            throw new LedgerException(ErrorCode.UNKNOWN_ASSESSMENT, cadreId + " has no assessment " + command.assessmentId());
        }
        if (pendingCorrections.containsKey(command.assessmentId())) {
            throw new LedgerException(ErrorCode.CORRECTION_PENDING, "A correction of " + command.assessmentId() + " waits");
        }
        if (assessment.grade() == command.newGrade()) {
            throw new LedgerException(ErrorCode.SAME_VALUE, "The grade already is " + assessment.grade().label());
        }
        apply(new AssessmentCorrectionRequestedEvent(cadreId, command.assessmentId(), command.newGrade(),
                command.reason(), command.requester().personId(), command.requestedAt()));
    }

    @CommandHandler
    void handle(ApproveAssessmentCorrectionCommand command) {
        if (!Role.ASSESSMENT_CORRECTION_APPROVERS.contains(command.approver().role())) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "The personnel office or a bureau leader approves");
        }
        requireNotOwnRecord(command.approver());
        AssessmentCorrectionRequestedEvent pending = pendingCorrections.get(command.assessmentId());
        if (pending == null) {
            throw new LedgerException(ErrorCode.NO_CORRECTION_PENDING, "No correction of " + command.assessmentId() + " waits");
        }
        if (pending.requestedBy().equals(command.approver().personId())) {
            throw new LedgerException(ErrorCode.FOUR_EYES, "Asked for by " + pending.requestedBy()
                    + "; another person approves");
        }
        apply(new AssessmentCorrectedEvent(cadreId, command.assessmentId(), assessments.get(command.assessmentId()).grade(),
                pending.newGrade(), pending.reason(), pending.requestedBy(), command.approver().personId(),
                command.approvedAt()));
    }

    @CommandHandler
    void handle(RecordCadreDepartureCommand command) {
        if (departedOn != null) {
            throw new LedgerException(ErrorCode.ALREADY_LEFT, cadreId + " left on " + departedOn);
        }
        apply(new CadreLeftBureauEvent(cadreId, command.effectiveOn(), command.reason(), command.recordedAt()));
    }

    @CommandHandler
    void handle(RecordCadreEmailCommand command) {
        if (departedOn != null) {
            throw new LedgerException(ErrorCode.ALREADY_LEFT, cadreId + " left on " + departedOn);
        }
        if (command.email().equalsIgnoreCase(email)) {
            throw new LedgerException(ErrorCode.SAME_VALUE, cadreId + "'s address already is " + email);
        }
        apply(new CadreEmailRecordedEvent(cadreId, command.email(), command.recordedAt()));
    }

    @CommandHandler
    void handle(GrantCadreAwardCommand command) {
        if (command.award().forUnits()) {
            throw new LedgerException(ErrorCode.AWARD_NOT_FOR_CADRES, command.award().label() + " is for units");
        }
        boolean active = registeredSince.getYear() <= command.year()
                && (departedOn == null || departedOn.getYear() >= command.year());
        if (!active) {
            throw new LedgerException(ErrorCode.NOT_ACTIVE_IN_YEAR, cadreId + " did not serve in " + command.year());
        }
        if (awards.contains(command.award() + ":" + command.year())) {
            throw new LedgerException(ErrorCode.AWARD_ALREADY_GRANTED, command.award().label() + " " + command.year());
        }
        apply(new CadreAwardGrantedEvent(cadreId, command.award(), command.year(), command.citation(), command.grantedAt()));
    }

    @CommandHandler
    void handle(RecordFrontLineWorkCommand command) {
        apply(new FrontLineWorkRecordedEvent(cadreId, command.kind(), command.taskId(), command.performance(),
                command.on(), command.recordedAt()));
    }

    @CommandHandler
    void handle(RecordMistakeCommand command) {
        if (mistakesExcused.containsKey(command.mistakeId())) {
            throw new LedgerException(ErrorCode.ALREADY_REGISTERED, command.mistakeId() + " is recorded");
        }
        apply(new MistakeRecordedEvent(cadreId, command.mistakeId(), command.description(), command.occurredOn(),
                command.evidenceEventIds(), command.recordedAt()));
    }

    @CommandHandler
    void handle(DecideErrorToleranceCommand command) {
        Boolean excused = mistakesExcused.get(command.mistakeId());
        if (excused == null) {
            throw new LedgerException(ErrorCode.UNKNOWN_MISTAKE, cadreId + " has no mistake " + command.mistakeId());
        }
        if (excused) {
            throw new LedgerException(ErrorCode.MISTAKE_ALREADY_EXCUSED, command.mistakeId() + " is excused");
        }
        apply(new ErrorToleranceDecidedEvent(cadreId, command.mistakeId(), command.experimentVersusViolation(),
                command.publicVersusPrivate(), command.unawareVersusKnowing(), command.partyGroupDecisionRef(),
                command.decidedAt()));
    }

    private static void requireRole(Actor actor, Role role) {
        if (actor.role() != role) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "This is recorded by the " + role.label());
        }
    }

    @EventSourcingHandler
    void on(AssessmentRecordedEvent event) {
        assessments.put(event.assessmentId(), event);
        if (event.kind() == AssessmentKind.ANNUAL) {
            annualYears.add(event.periodEnd().getYear());
        }
    }

    @EventSourcingHandler
    void on(AssessmentCorrectionRequestedEvent event) {
        pendingCorrections.put(event.assessmentId(), event);
    }

    @EventSourcingHandler
    void on(AssessmentCorrectedEvent event) {
        pendingCorrections.remove(event.assessmentId());
        AssessmentRecordedEvent was = assessments.get(event.assessmentId());
        assessments.put(event.assessmentId(), new AssessmentRecordedEvent(was.cadreId(), was.assessmentId(), was.kind(),
                was.period(), event.newGrade(), was.periodEnd(), was.recordedAt()));
    }

    @EventSourcingHandler
    void on(CadreLeftBureauEvent event) {
        departedOn = event.effectiveOn();
    }

    @EventSourcingHandler
    void on(CadreEmailRecordedEvent event) {
        email = event.email();
    }

    @EventSourcingHandler
    void on(CadreAwardGrantedEvent event) {
        awards.add(event.award() + ":" + event.year());
    }

    @EventSourcingHandler
    void on(MistakeRecordedEvent event) {
        mistakesExcused.put(event.mistakeId(), false);
    }

    @EventSourcingHandler
    void on(ErrorToleranceDecidedEvent event) {
        mistakesExcused.put(event.mistakeId(), true);
    }

    @EventSourcingHandler
    void on(CadreRegisteredEvent event) {
        cadreId = event.cadreId();
        unitId = event.unitId();
        position = event.position();
        postedSince = event.since();
        registeredSince = event.since();
    }

    @EventSourcingHandler
    void on(CadreTransferredEvent event) {
        unitId = event.toUnitId();
        position = event.position();
        postedSince = event.effectiveOn();
    }

    /** Assessments are decided about a cadre, never by them: not recorded, asked to be corrected or approved. */
    private void requireNotOwnRecord(Actor actor) {
        if (actor.personId().equals(cadreId.value())) {
            throw new LedgerException(ErrorCode.OWN_RECORD, actor.personId() + " may not decide on their own assessment");
        }
    }

}
