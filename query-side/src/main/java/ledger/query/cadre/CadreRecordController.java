package ledger.query.cadre;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import ledger.kernel.security.Role;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.LedgerException;
import ledger.query.audit.EvidencePackages;
import ledger.query.infrastructure.ViewPositions;
import ledger.security.CurrentActor;
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

    private final CadreRecords records;
    private final ViewPositions positions;

    private final Clock clock;
    private final EvidencePackages packages;

    CadreRecordController(CadreRecords records, ViewPositions positions, Clock clock, EvidencePackages packages) {
        this.packages = packages;
        this.records = records;
        this.positions = positions;
        this.clock = clock;
    }

    @GetMapping("/api/cadres/{cadreId}/record")
    @Operation(summary = "A cadre's performance record, each item with the events behind it")
    CadreRecordView record(@PathVariable String cadreId,
                           @RequestParam(required = false) @PositiveOrZero Long minPosition,
                           @Parameter(description = "read the record as it stood then: an instant "
                                   + "(2026-03-05T09:00:00+08:00: every event stored by then) or a global event position")
                           @RequestParam(required = false) String asOf) {
        requireReader(cadreId);
        return recordAt(cadreId, minPosition, positions.asOfPosition(asOf));
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
        PromotionEvidenceView evidence = evidenceOf(cadreId, from, to, minPosition, asOf);
        LocalDate since = evidence.from();
        LocalDate last = evidence.to();
        String file = "evidence-" + cadreId + "-" + since + "-" + last + "." + format;
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.builder(download ? "attachment" : "inline").filename(file).build().toString());
        return format.equals("html")
                ? response.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                          .body(PrintableEvidence.render(evidence, clock.instant()))
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
        PromotionEvidenceView evidence = evidenceOf(cadreId, from, to, minPosition, asOf);
        return EvidencePackages.download(packages.forEvents("干部实绩材料 " + evidence.name() + " " + evidence.from()
                        + " 至 " + evidence.to(), cadreId, evidence.eventIds()),
                "evidence-package-" + cadreId + "-" + evidence.from() + "-" + evidence.to() + ".json");
    }

    /** The evidence of a period, for a reader who may see the cadre's record. */
    private PromotionEvidenceView evidenceOf(String cadreId, String from, String to, Long minPosition, String asOf) {
        requireReader(cadreId);
        LocalDate first = day("from", from, LocalDate.MIN);
        LocalDate last = day("to", to, BureauTime.dayOf(clock.instant()));
        if (first.isAfter(last)) {
            throw new InvalidMessageException("from", "must not be after to");
        }
        OptionalLong asOfPosition = positions.asOfPosition(asOf);
        CadreRecordView record = recordAt(cadreId, minPosition, asOfPosition);
        LocalDate since = first.equals(LocalDate.MIN) ? earliest(record, last) : first;
        return PromotionEvidenceView.of(record, since, last, asOfPosition.isPresent() ? asOfPosition.getAsLong() : null);
    }

    /** Without a start, the period begins with the record: the first posting, or the period's end. */
    private static LocalDate earliest(CadreRecordView record, LocalDate last) {
        return record.postings().stream().map(CadreRecordView.Posting::from).filter(d -> d != null)
                .min(LocalDate::compareTo).filter(d -> d.isBefore(last)).orElse(last);
    }

    private static LocalDate day(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException(field, "must be a day like 2026-03-31");
        }
    }

    /** Besides the reader roles, a cadre sees their own record, and no one else's. */
    private static void requireReader(String cadreId) {
        if (!CadreRecordHistory.mayRead(CurrentActor.get(), cadreId)) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED,
                    "A cadre's record is seen by the personnel office, the discipline inspection group, bureau leaders "
                            + "and the cadre themself");
        }
    }

    /** The record now, or as it stood at a position. */
    private CadreRecordView recordAt(String cadreId, Long minPosition, OptionalLong asOfPosition) {
        positions.awaitPosition(PROCESSOR, minPosition);
        positions.awaitAsOf(PROCESSOR, asOfPosition);
        Optional<CadreRecordView> record = asOfPosition.isPresent()
                ? records.recordAsOf(cadreId, asOfPosition.getAsLong()) : records.record(cadreId);
        return record.orElseThrow(() -> new LedgerException(ErrorCode.UNKNOWN_CADRE_RECORD, "No cadre " + cadreId
                + " is recorded" + (asOfPosition.isPresent() ? " as of position " + asOfPosition.getAsLong() : "")));
    }
}
