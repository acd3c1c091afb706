package ledger.command.evaluation;

import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ledger.command.infrastructure.CommandAccepted;
import ledger.command.infrastructure.CommandSender;
import ledger.command.organisation.OrganisationDirectory;
import ledger.kernel.evaluation.ApproveScoreCorrectionCommand;
import ledger.kernel.evaluation.RecordScoreCommand;
import ledger.kernel.evaluation.RequestScoreCorrectionCommand;
import ledger.kernel.evaluation.ScoreId;
import ledger.kernel.evaluation.ScoreScale;
import ledger.kernel.evaluation.ScoreSubject;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.security.CurrentActor;
import ledger.web.IdGenerator;
import ledger.web.RequestFields;
import ledger.command.task.RecordedTasks;
import ledger.kernel.task.TaskId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/scores")
@Tag(name = "Supervision scores 督查评分")
class ScoreController {

    record RecordScore(@Schema(description = "the ledger month the score is for") @NotNull YearMonth month,
                       @Schema(description = "what is scored: a task, a unit or a cadre") @NotNull ScoreSubject.Kind subjectKind,
                       @Schema(description = "the id of the recorded task, unit or cadre (as subjectKind says)")
                       @NotBlank String subjectId,
                       @Schema(description = "what is judged: one of the dimensions the command side runs with "
                               + "(LEDGER_SCORE_DIMENSIONS, by default progress, quality, timeliness, collaboration)")
                       @NotBlank String dimension,
                       @Schema(description = "the lowest value of the scale the score is given on; 0 ≤ scaleMin < "
                               + "scaleMax ≤ 1000 (the scores page uses LEDGER_SCORE_SCALE_MIN, 0)")
                       @NotNull Integer scaleMin,
                       @Schema(description = "the highest value of that scale (the scores page uses "
                               + "LEDGER_SCORE_SCALE_MAX, 100)")
                       @NotNull Integer scaleMax,
                       @Schema(description = "the score, from scaleMin to scaleMax") @NotNull Integer value,
                       @Schema(description = "why this value") @NotBlank @Size(max = 4000) String rationale,
                       @Schema(description = "ids of the recorded events the score rests on (its evidence)")
                       @Size(max = 50) List<@NotBlank String> evidenceEventIds) {
    }

    record RequestCorrection(@Schema(description = "the value asked for instead, on the score's scale; another member "
                                     + "of the supervision group approves it")
                             @NotNull Integer newValue,
                             @Schema(description = "why the score should change") @NotBlank @Size(max = 2000) String reason) {
    }

    private final CommandSender sender;
    private final OrganisationDirectory directory;
    private final RecordedTasks tasks;
    private final IdGenerator ids;
    private final Clock clock;
    private final Set<String> dimensions;

    ScoreController(CommandSender sender, OrganisationDirectory directory, RecordedTasks tasks, IdGenerator ids,
                    Clock clock, @Value("${ledger.evaluation.dimensions}") Set<String> dimensions) {
        this.sender = sender;
        this.directory = directory;
        this.tasks = tasks;
        this.ids = ids;
        this.clock = clock;
        this.dimensions = dimensions;
    }

    @PostMapping
    @Operation(summary = "Score a task, unit or cadre for a month on one dimension, with the rationale")
    ResponseEntity<CommandAccepted> record(@Valid @RequestBody RecordScore request) {
        if (!dimensions.contains(request.dimension())) {
            throw new LedgerException(ErrorCode.UNKNOWN_DIMENSION, "Dimensions are " + String.join(", ", dimensions));
        }
        ScoreSubject subject = RequestFields.id("subjectId", request.subjectId(),
                raw -> new ScoreSubject(request.subjectKind(), raw));
        requireSubject(subject);
        ScoreId id = new ScoreId("score-" + ids.newId());
        CommandAccepted accepted = sender.send(new RecordScoreCommand(id, CurrentActor.get(), request.month(), subject,
                request.dimension(), new ScoreScale(request.scaleMin(), request.scaleMax()), request.value(),
                request.rationale(), request.evidenceEventIds() == null ? List.of() : request.evidenceEventIds(),
                clock.instant()), id.value());
        return ResponseEntity.created(URI.create("/api/scores/" + id)).body(accepted);
    }

    @PostMapping("/{scoreId}/correction-requests")
    @Operation(summary = "Ask for a score correction, with the reason; another member approves it")
    ResponseEntity<CommandAccepted> requestCorrection(@PathVariable String scoreId,
                                                      @Valid @RequestBody RequestCorrection request) {
        ScoreId id = RequestFields.id("scoreId", scoreId, ScoreId::new);
        CommandAccepted accepted = sender.send(new RequestScoreCorrectionCommand(id, CurrentActor.get(),
                request.newValue(), request.reason(), clock.instant()), id.value(), request.reason());
        return ResponseEntity.created(URI.create("/api/scores/" + id + "/correction-requests/" + accepted.version()))
                .body(accepted);
    }

    @PostMapping("/{scoreId}/correction-approvals")
    @Operation(summary = "Approve the pending correction (four eyes: not the person who asked)")
    ResponseEntity<CommandAccepted> approveCorrection(@PathVariable String scoreId) {
        ScoreId id = RequestFields.id("scoreId", scoreId, ScoreId::new);
        CommandAccepted accepted = sender.send(new ApproveScoreCorrectionCommand(id, CurrentActor.get(),
                clock.instant()), id.value());
        return ResponseEntity.created(URI.create("/api/scores/" + id + "/correction-approvals/" + accepted.version()))
                .body(accepted);
    }

    private void requireSubject(ScoreSubject subject) {
        switch (subject.kind()) {
            case UNIT -> directory.requireUnit(new UnitId(subject.id()));
            case CADRE -> directory.requireCadre(new CadreId(subject.id()));
            case TASK -> tasks.require(new TaskId(subject.id()), ErrorCode.UNKNOWN_SUBJECT);
        }
    }
}
