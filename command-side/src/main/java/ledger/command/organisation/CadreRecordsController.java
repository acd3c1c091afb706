package ledger.command.organisation;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ledger.command.infrastructure.CommandAccepted;
import ledger.command.infrastructure.CommandSender;
import ledger.command.task.RecordedTasks;
import ledger.kernel.organisation.ApproveAssessmentCorrectionCommand;
import ledger.kernel.organisation.AssessmentGrade;
import ledger.kernel.organisation.AssessmentKind;
import ledger.kernel.organisation.AwardKind;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.DecideErrorToleranceCommand;
import ledger.kernel.organisation.FrontLineKind;
import ledger.kernel.organisation.GrantCadreAwardCommand;
import ledger.kernel.organisation.GrantUnitAwardCommand;
import ledger.kernel.organisation.RecordAssessmentCommand;
import ledger.kernel.organisation.RecordCadreDepartureCommand;
import ledger.kernel.organisation.RecordFrontLineWorkCommand;
import ledger.kernel.organisation.RecordMistakeCommand;
import ledger.kernel.organisation.RequestAssessmentCorrectionCommand;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.task.TaskId;
import ledger.security.CurrentActor;
import ledger.web.IdGenerator;
import ledger.web.RequestFields;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What the personnel office records on cadres and units: assessments, awards, front line, error tolerance. */
@RestController
@Tag(name = "Cadre records 干部档案记实")
class CadreRecordsController {

    record Assessment(@Schema(description = "regular (平时考核, e.g. quarterly) or annual (年度考核); one annual "
                              + "assessment per cadre and year of periodEnd")
                      @NotNull AssessmentKind kind,
                      @Schema(description = "the period assessed as the personnel office names it, e.g. 2025年度 or "
                              + "2026年第一季度")
                      @NotBlank @Size(max = 20) String period,
                      @Schema(description = "the grade: 优秀, 称职, 基本称职 or 不称职") @NotNull AssessmentGrade grade,
                      @Schema(description = "the last day of the period; not after the cadre's departure")
                      @NotNull LocalDate periodEnd) {
    }

    record Correction(@Schema(description = "the recorded assessment of this cadre to correct: the id its recording "
                              + "answered")
                      @NotBlank String assessmentId,
                      @Schema(description = "the grade it should have; another person approves the change")
                      @NotNull AssessmentGrade newGrade,
                      @Schema(description = "why the grade is wrong") @NotBlank @Size(max = 2000) String reason) {
    }

    record Approval(@Schema(description = "the assessment of this cadre whose pending correction is approved, by the "
                            + "personnel office or a bureau leader other than the one who asked")
                    @NotBlank String assessmentId) {
    }

    record Departure(@Schema(description = "the day the cadre left the bureau (调出)") @NotNull LocalDate effectiveOn,
                     @Schema(description = "why they left, e.g. transferred to another bureau or retired")
                     @NotBlank @Size(max = 1000) String reason) {
    }

    record Award(@Schema(description = "the yearly 双创双争 award: ADVANCED_PARTY_BRANCH (先进党支部) and CIVILISED_UNIT "
                         + "(文明处室) go to units, EXCELLENT_PARTY_MEMBER (优秀共产党员) and ADVANCED_WORKER (先进工作者) "
                         + "to cadres")
                 @NotNull AwardKind award,
                 @Schema(description = "the year it is for, 2000–2100: one the cadre served in, or from the unit's "
                         + "registration on; each award once per year")
                 @NotNull Integer year,
                 @Schema(description = "the citation: what it is awarded for") @NotBlank @Size(max = 2000) String citation) {
    }

    record FrontLine(@Schema(description = "the kind of front-line work: urgent, difficult, dangerous and heavy "
                             + "(急难险重), reform (改革攻坚) or research (调查研究)")
                     @NotNull FrontLineKind kind,
                     @Schema(description = "the recorded task the work was done in") @NotBlank String taskId,
                     @Schema(description = "how the cadre performed") @NotBlank @Size(max = 4000) String performance,
                     @Schema(description = "the day of the work") @NotNull LocalDate on) {
    }

    record Mistake(@Schema(description = "what went wrong; the record keeps it even once it is excused")
                   @NotBlank @Size(max = 4000) String description,
                   @Schema(description = "the day it happened") @NotNull LocalDate occurredOn,
                   @Schema(description = "ids of the recorded events the mistake is shown by (its evidence)")
                   @Size(max = 50) List<@NotBlank String> evidenceEventIds) {
    }

    /** The Party Group's reasoning on each of the three distinctions (三个区分开来). */
    record ErrorTolerance(@Schema(description = "the recorded mistake of this cadre that is excused: the id its "
                                  + "recording answered; each mistake is excused once")
                          @NotBlank String mistakeId,
                          @Schema(description = "the finding on the first distinction: a mistake made trying something "
                                  + "new (先行先试), or a knowing violation (明知故犯)")
                          @NotBlank @Size(max = 2000) String experimentVersusViolation,
                          @Schema(description = "the finding on the second: an unintended slip in furthering the work, "
                                  + "or a violation for private gain (谋取私利)")
                          @NotBlank @Size(max = 2000) String publicVersusPrivate,
                          @Schema(description = "the finding on the third: an experiment no rule yet forbade, or "
                                  + "persisting after an explicit ban (明令禁止)")
                          @NotBlank @Size(max = 2000) String unawareVersusKnowing,
                          @Schema(description = "the reference of the Party Group's decision (党组决定文号)")
                          @NotBlank @Size(max = 100) String partyGroupDecisionRef) {
    }

    private final CommandSender sender;
    private final RecordedTasks tasks;
    private final IdGenerator ids;
    private final Clock clock;

    CadreRecordsController(CommandSender sender, RecordedTasks tasks, IdGenerator ids, Clock clock) {
        this.sender = sender;
        this.tasks = tasks;
        this.ids = ids;
        this.clock = clock;
    }

    @PostMapping("/api/cadres/{cadreId}/assessments")
    @Operation(summary = "Record a regular or annual assessment (平时/年度考核)")
    ResponseEntity<CommandAccepted> assess(@PathVariable String cadreId, @Valid @RequestBody Assessment request) {
        CadreId cadre = cadre(cadreId);
        String id = "assessment-" + ids.newId();
        CommandAccepted accepted = sender.send(new RecordAssessmentCommand(cadre, CurrentActor.get(), id, request.kind(),
                request.period(), request.grade(), request.periodEnd(), clock.instant()), cadre.value());
        // the id a correction names; the version stays the cadre record's
        return created(cadre, "/assessments/" + id, new CommandAccepted(id, accepted.version(), accepted.position()));
    }

    @PostMapping("/api/cadres/{cadreId}/assessment-corrections")
    @Operation(summary = "Ask for an assessment's grade to be corrected, with the reason")
    ResponseEntity<CommandAccepted> correct(@PathVariable String cadreId, @Valid @RequestBody Correction request) {
        CadreId cadre = cadre(cadreId);
        return created(cadre, "/assessment-corrections", sender.send(new RequestAssessmentCorrectionCommand(cadre,
                CurrentActor.get(), request.assessmentId(), request.newGrade(), request.reason(), clock.instant()),
                cadre.value(), request.reason()));
    }

    @PostMapping("/api/cadres/{cadreId}/assessment-correction-approvals")
    @Operation(summary = "Approve the pending correction (not the person who asked for it)")
    ResponseEntity<CommandAccepted> approve(@PathVariable String cadreId, @Valid @RequestBody Approval request) {
        CadreId cadre = cadre(cadreId);
        return created(cadre, "/assessment-correction-approvals", sender.send(new ApproveAssessmentCorrectionCommand(
                cadre, CurrentActor.get(), request.assessmentId(), clock.instant()), cadre.value()));
    }

    @PostMapping("/api/cadres/{cadreId}/departures")
    @Operation(summary = "Record that the cadre left the bureau (调出)")
    ResponseEntity<CommandAccepted> depart(@PathVariable String cadreId, @Valid @RequestBody Departure request) {
        CadreId cadre = cadre(cadreId);
        return created(cadre, "/departures", sender.send(new RecordCadreDepartureCommand(cadre, request.effectiveOn(),
                request.reason(), clock.instant()), cadre.value(), request.reason()));
    }

    @PostMapping("/api/cadres/{cadreId}/awards")
    @Operation(summary = "Grant a 双创双争 award to a cadre for a year")
    ResponseEntity<CommandAccepted> awardCadre(@PathVariable String cadreId, @Valid @RequestBody Award request) {
        CadreId cadre = cadre(cadreId);
        return created(cadre, "/awards", sender.send(new GrantCadreAwardCommand(cadre, request.award(), request.year(),
                request.citation(), clock.instant()), cadre.value()));
    }

    @PostMapping("/api/units/{unitId}/awards")
    @Operation(summary = "Grant a 双创双争 award to a unit for a year")
    ResponseEntity<CommandAccepted> awardUnit(@PathVariable String unitId, @Valid @RequestBody Award request) {
        UnitId unit = RequestFields.id("unitId", unitId, UnitId::new);
        CommandAccepted accepted = sender.send(new GrantUnitAwardCommand(unit, request.award(), request.year(),
                request.citation(), clock.instant()), unit.value());
        return ResponseEntity.created(URI.create("/api/units/" + unit + "/awards")).body(accepted);
    }

    @PostMapping("/api/cadres/{cadreId}/front-line-records")
    @Operation(summary = "Record front-line work (急难险重、改革、调研) with the task it refers to")
    ResponseEntity<CommandAccepted> frontLine(@PathVariable String cadreId, @Valid @RequestBody FrontLine request) {
        CadreId cadre = cadre(cadreId);
        TaskId task = RequestFields.id("taskId", request.taskId(), TaskId::new);
        tasks.require(task, ErrorCode.UNKNOWN_TASK);
        return created(cadre, "/front-line-records", sender.send(new RecordFrontLineWorkCommand(cadre, request.kind(),
                task, request.performance(), request.on(), clock.instant()), cadre.value()));
    }

    @PostMapping("/api/cadres/{cadreId}/mistakes")
    @Operation(summary = "Record a mistake on the cadre's record")
    ResponseEntity<CommandAccepted> mistake(@PathVariable String cadreId, @Valid @RequestBody Mistake request) {
        CadreId cadre = cadre(cadreId);
        String id = "mistake-" + ids.newId();
        CommandAccepted accepted = sender.send(new RecordMistakeCommand(cadre, id, request.description(),
                request.occurredOn(), request.evidenceEventIds(), clock.instant()), cadre.value());
        // the id an error-tolerance decision names; the version stays the cadre record's
        return created(cadre, "/mistakes/" + id, new CommandAccepted(id, accepted.version(), accepted.position()));
    }

    @PostMapping("/api/cadres/{cadreId}/error-tolerance-decisions")
    @Operation(summary = "Record the Party Group's error-tolerance decision (容错) on a recorded mistake")
    ResponseEntity<CommandAccepted> tolerate(@PathVariable String cadreId, @Valid @RequestBody ErrorTolerance request) {
        CadreId cadre = cadre(cadreId);
        return created(cadre, "/error-tolerance-decisions", sender.send(new DecideErrorToleranceCommand(cadre,
                request.mistakeId(), request.experimentVersusViolation(), request.publicVersusPrivate(),
                request.unawareVersusKnowing(), request.partyGroupDecisionRef(), clock.instant()), cadre.value()));
    }

    private static CadreId cadre(String raw) {
        return RequestFields.id("cadreId", raw, CadreId::new);
    }

    private static ResponseEntity<CommandAccepted> created(CadreId cadre, String resource, CommandAccepted accepted) {
        return ResponseEntity.created(URI.create("/api/cadres/" + cadre + resource)).body(accepted);
    }
}
