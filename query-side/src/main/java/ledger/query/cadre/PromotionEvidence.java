package ledger.query.cadre;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import ledger.evidence.EvidencePackage;
import ledger.kernel.security.Actor;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.LedgerException;
import ledger.query.audit.EvidencePackages;
import ledger.query.infrastructure.ViewPositions;
import ledger.query.web.Directory;
import ledger.query.web.VerificationCode;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Promotion evidence (干部实绩材料) of a period, for a reader who may see the cadre's record: the view, its
 * evidence package, and the printable A4 document. The API's html format and the web page render the one
 * template ({@value #TEMPLATE}), so a paper copy reads the same whichever way it was printed, and both carry
 * the verification code of the same package.
 */
@Component
public class PromotionEvidence {

    public static final String TEMPLATE = "cadre-evidence-print";

    private final CadreRecords records;
    private final ViewPositions positions;
    private final Clock clock;
    private final EvidencePackages packages;
    private final Directory directory;
    private final ITemplateEngine templates;
    private final CadreRecordHistory history;
    private final String printStyle;

    PromotionEvidence(CadreRecords records, ViewPositions positions, Clock clock, EvidencePackages packages,
                      Directory directory, ITemplateEngine templates, CadreRecordHistory history) {
        this.history = history;
        this.records = records;
        this.positions = positions;
        this.clock = clock;
        this.packages = packages;
        this.directory = directory;
        this.templates = templates;
        this.printStyle = stylesheet();
    }

    /** The evidence of a period (either end may be blank: the record's beginning, today), if the actor may read it. */
    public PromotionEvidenceView of(Actor actor, String cadreId, String from, String to, Long minPosition, String asOf) {
        CadreRecordHistory.requireReader(actor, cadreId);
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

    /** The record now, or as it stood at a position. */
    CadreRecordView recordAt(String cadreId, Long minPosition, OptionalLong asOfPosition) {
        positions.awaitPosition(CadreRecordController.PROCESSOR, minPosition);
        positions.awaitAsOf(CadreRecordController.PROCESSOR, asOfPosition);
        return (asOfPosition.isPresent() ? records.recordAsOf(cadreId, asOfPosition.getAsLong())
                : records.record(cadreId)).orElseThrow(() -> new LedgerException(ErrorCode.UNKNOWN_CADRE_RECORD,
                "No cadre " + cadreId + " is recorded"
                        + (asOfPosition.isPresent() ? " as of position " + asOfPosition.getAsLong() : "")));
    }

    /** The evidence's events as a package, checkable offline (503 until a checkpoint covers them). */
    public EvidencePackage evidencePackage(PromotionEvidenceView evidence) {
        return packages.forEvents("干部实绩材料 " + evidence.name() + " " + evidence.from() + " 至 " + evidence.to(),
                evidence.cadreId(), evidence.eventIds());
    }

    public static String packageFileName(PromotionEvidenceView evidence) {
        return "evidence-package-" + evidence.cadreId() + "-" + evidence.from() + "-" + evidence.to() + ".json";
    }

    /**
     * What the template prints: the evidence, names for its ids, the verification code of its package (null
     * until a checkpoint covers its events: the page says so instead) and the moment it was printed.
     * {@code stylesheet} is the page's link to the print stylesheet; without one the document carries the
     * stylesheet in itself, so a saved file prints the same.
     */
    public Map<String, Object> printModel(PromotionEvidenceView evidence, String stylesheet) {
        Map<String, Object> model = new HashMap<>();
        model.put("evidence", evidence);
        model.put("names", directory.names());
        model.put("taskTitles", history.taskTitles(evidence.frontLine().stream()
                .map(CadreRecordView.FrontLineItem::taskId).toList()));
        model.put("printedAt", clock.instant());
        model.put("code", code(evidence));
        model.put("stylesheet", stylesheet);
        model.put("inlineStyle", stylesheet == null ? printStyle : null);
        return model;
    }

    /** The printable document as one self-contained HTML file (the API's format=html). */
    String html(PromotionEvidenceView evidence, Locale locale) {
        return templates.process(TEMPLATE, new Context(locale, printModel(evidence, null)));
    }

    private VerificationCode code(PromotionEvidenceView evidence) {
        try {
            return VerificationCode.of(evidencePackage(evidence));
        } catch (LedgerException e) {
            if (e.code() != ErrorCode.EVIDENCE_NOT_YET_CHECKPOINTED) {
                throw e;
            }
            return null;
        }
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
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException(field, "must be a day like 2026-03-31");
        }
    }

    private static String stylesheet() {
        try (var in = new ClassPathResource("static/css/print.css").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the print stylesheet is part of the application", e);
        }
    }
}
