package ledger.query.cadre;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.EnumSet;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import ledger.kernel.security.Role;
import ledger.kernel.shared.InvalidMessageException;
import ledger.query.audit.EvidencePackages;
import ledger.query.infrastructure.ViewPositions;
import ledger.security.CurrentActor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Cadre records 干部实绩档案")
class CadreRecordController {

    static final String PROCESSOR = "cadre-records";
    /** Besides the cadre themself, only these roles see a cadre's record. */
    static final Set<Role> READERS = Role.CADRE_RECORD_READERS;

    private final ViewPositions positions;
    private final PromotionEvidence promotionEvidence;

    CadreRecordController(ViewPositions positions, PromotionEvidence promotionEvidence) {
        this.positions = positions;
        this.promotionEvidence = promotionEvidence;
    }

    @GetMapping("/api/cadres/{cadreId}/record")
    @Operation(summary = "A cadre's performance record, each item with the events behind it")
    CadreRecordView record(@PathVariable String cadreId,
                           @RequestParam(required = false) @PositiveOrZero Long minPosition,
                           @Parameter(description = "read the record as it stood then: an instant "
                                   + "(2026-03-05T09:00:00+08:00: every event stored by then) or a global event position")
                           @RequestParam(required = false) String asOf) {
        CadreRecordHistory.requireReader(CurrentActor.get(), cadreId);
        return promotionEvidence.recordAt(cadreId, minPosition, positions.asOfPosition(asOf));
    }

    @GetMapping("/api/cadres/{cadreId}/evidence")
    @Operation(summary = "Promotion evidence (干部实绩材料): what the personnel office weighs for selection over a period, "
            + "in one document with the events behind every line; JSON or a printable page (format=html)")
    ResponseEntity<?> evidence(@PathVariable String cadreId,
                               @Parameter(description = "first day of the period (default: the record's beginning)")
                               @RequestParam(required = false) String from,
                               @Parameter(description = "last day of the period (default: today)")
                               @RequestParam(required = false) String to,
                               @RequestParam(required = false) @PositiveOrZero Long minPosition,
                               @Parameter(description = "the evidence as it stood then: an instant or a global position")
                               @RequestParam(required = false) String asOf,
                               @Parameter(description = "json (default) or html, a printable document",
                                       schema = @Schema(allowableValues = {"json", "html"}))
                               @RequestParam(defaultValue = "json") String format,
                               @Parameter(description = "true: offered as a file to save")
                               @RequestParam(defaultValue = "false") boolean download) {
        if (!format.equals("json") && !format.equals("html")) {
            throw new InvalidMessageException("format", "must be json or html");
        }
        PromotionEvidenceView evidence = promotionEvidence.of(CurrentActor.get(), cadreId, from, to, minPosition, asOf);
        LocalDate since = evidence.from();
        LocalDate last = evidence.to();
        String file = "evidence-" + cadreId + "-" + since + "-" + last + "." + format;
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.builder(download ? "attachment" : "inline").filename(file).build().toString());
        return format.equals("html")
                ? response.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                          .body(promotionEvidence.html(evidence, LocaleContextHolder.getLocale()))
                : response.contentType(MediaType.APPLICATION_JSON).body(evidence);
    }

    @GetMapping("/api/cadres/{cadreId}/evidence/package")
    @Operation(summary = "The promotion evidence's events as an evidence package: each event with its inclusion proof "
            + "and the signed checkpoint, checkable offline with the evidence jar (503 until a checkpoint covers them)")
    ResponseEntity<String> evidencePackage(@PathVariable String cadreId,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestParam(required = false) @PositiveOrZero Long minPosition,
                                           @RequestParam(required = false) String asOf) {
        PromotionEvidenceView evidence = promotionEvidence.of(CurrentActor.get(), cadreId, from, to, minPosition, asOf);
        return EvidencePackages.download(promotionEvidence.evidencePackage(evidence),
                PromotionEvidence.packageFileName(evidence));
    }
}
