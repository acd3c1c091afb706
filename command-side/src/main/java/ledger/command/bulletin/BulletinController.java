package ledger.command.bulletin;

import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
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
import ledger.kernel.bulletin.AddBulletinEntryCommand;
import ledger.kernel.bulletin.BulletinEntry;
import ledger.kernel.bulletin.BulletinId;
import ledger.kernel.bulletin.DraftBulletinCommand;
import ledger.kernel.bulletin.EntryKind;
import ledger.kernel.bulletin.PublishBulletinCommand;
import ledger.kernel.bulletin.PublishErratumCommand;
import ledger.kernel.bulletin.SignBulletinCommand;
import ledger.security.CurrentActor;
import ledger.web.IdGenerator;
import ledger.web.RequestFields;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/bulletins")
@Tag(name = "Monthly bulletin 督查通报")
class BulletinController {

    record Draft(@Schema(description = "the month the bulletin reports on; one bulletin per month") @NotNull YearMonth month) {
    }

    record Entry(@Schema(description = "the section: progress (工作进展), highlight (工作亮点) or problem (存在问题)")
                 @NotNull EntryKind kind,
                 @Schema(description = "the entry as the bulletin prints it") @NotBlank @Size(max = 4000) String text,
                 @Schema(description = "ids of the units the entry names; a highlight or a problem names at least one "
                         + "unit, cadre or task")
                 @Size(max = 30) List<@NotBlank String> unitIds,
                 @Schema(description = "ids of the cadres the entry names; their records show it")
                 @Size(max = 30) List<@NotBlank String> cadreIds,
                 @Schema(description = "ids of the tasks the entry is about")
                 @Size(max = 30) List<@NotBlank String> taskIds,
                 @Schema(description = "ids of the recorded events the entry rests on (its evidence)")
                 @Size(max = 50) List<@NotBlank String> evidenceEventIds) {
    }

    record Erratum(@Schema(description = "the entry of the published bulletin corrected: the id its addition answered")
                   @NotBlank String entryId,
                   @Schema(description = "the corrected text, shown beside the entry, which stays as published")
                   @NotBlank @Size(max = 4000) String correction,
                   @Schema(description = "why the entry is corrected (更正理由)") @NotBlank @Size(max = 2000) String reason) {
    }

    private final CommandSender sender;
    private final IdGenerator ids;
    private final Clock clock;

    BulletinController(CommandSender sender, IdGenerator ids, Clock clock) {
        this.sender = sender;
        this.ids = ids;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Draft the bulletin of a month (one per month)")
    ResponseEntity<CommandAccepted> draft(@Valid @RequestBody Draft request) {
        BulletinId id = BulletinId.of(request.month());
        return created(request.month(), "", sender.send(new DraftBulletinCommand(id, request.month(), CurrentActor.get(),
                clock.instant()), id.value()));
    }

    @PostMapping("/{month}/entries")
    @Operation(summary = "Add an entry: progress, highlight (工作亮点) or problem (存在问题)")
    ResponseEntity<CommandAccepted> addEntry(@PathVariable String month, @Valid @RequestBody Entry request) {
        YearMonth of = RequestFields.month(month);
        BulletinEntry entry = new BulletinEntry("entry-" + ids.newId(), request.kind(), request.text(),
                request.unitIds(), request.cadreIds(), request.taskIds(), request.evidenceEventIds());
        CommandAccepted accepted = sender.send(new AddBulletinEntryCommand(BulletinId.of(of), CurrentActor.get(), entry,
                clock.instant()), BulletinId.of(of).value());
        // the id an erratum names; the version stays the bulletin's
        return created(of, "/entries/" + entry.entryId(), new CommandAccepted(entry.entryId(), accepted.version(),
                accepted.position()));
    }

    @PostMapping("/{month}/sign-offs")
    @Operation(summary = "Sign off the draft as a member of the supervision group (会签)")
    ResponseEntity<CommandAccepted> signOff(@PathVariable String month) {
        YearMonth of = RequestFields.month(month);
        return created(of, "/sign-offs", sender.send(new SignBulletinCommand(BulletinId.of(of), CurrentActor.get(),
                clock.instant()), BulletinId.of(of).value()));
    }

    @PostMapping("/{month}/publication")
    @Operation(summary = "Publish the signed bulletin; it is immutable from then on")
    ResponseEntity<CommandAccepted> publish(@PathVariable String month) {
        YearMonth of = RequestFields.month(month);
        return created(of, "/publication", sender.send(new PublishBulletinCommand(BulletinId.of(of), CurrentActor.get(),
                clock.instant()), BulletinId.of(of).value()));
    }

    @PostMapping("/{month}/errata")
    @Operation(summary = "Publish an erratum (更正) to an entry of a published bulletin, with the reason")
    ResponseEntity<CommandAccepted> erratum(@PathVariable String month, @Valid @RequestBody Erratum request) {
        YearMonth of = RequestFields.month(month);
        return created(of, "/errata", sender.send(new PublishErratumCommand(BulletinId.of(of), CurrentActor.get(),
                request.entryId(), request.correction(), request.reason(), clock.instant()), BulletinId.of(of).value(),
                request.reason()));
    }

    private static ResponseEntity<CommandAccepted> created(YearMonth month, String resource, CommandAccepted accepted) {
        return ResponseEntity.created(URI.create("/api/bulletins/" + month + resource)).body(accepted);
    }
}
