package ledger.query.web.cadre;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletResponse;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.cadre.CadreRecordHistory;
import ledger.query.cadre.CadreRecordView;
import ledger.query.cadre.PromotionEvidence;
import ledger.query.cadre.PromotionEvidenceView;
import ledger.query.audit.EvidencePackages;
import ledger.query.infrastructure.ViewPositions;
import ledger.query.unit.UnitRecordView;
import ledger.query.web.Directory;
import ledger.query.web.signin.SignedInPerson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 干部实绩档案: the personnel office, the discipline inspection group and bureau leaders find a cadre by name
 * and unit and read the record, now or as it stood at a date, every line linked to the events behind it; a
 * cadre reads their own. Promotion evidence (干部实绩材料) of a period prints on A4 with its verification code
 * and downloads as an evidence package. Beside it, a unit's record. Who may read a record is decided where
 * the API decides it ({@link CadreRecordHistory#mayRead}).
 */
@Controller
class CadreRecordPageController {

    private final CadreRecordHistory history;
    private final PromotionEvidence evidence;
    private final RecordEvents events;
    private final Directory directory;
    private final MongoTemplate mongo;
    private final ViewPositions positions;
    private final Clock clock;

    CadreRecordPageController(CadreRecordHistory history, PromotionEvidence evidence, RecordEvents events,
                              Directory directory, MongoTemplate mongo, ViewPositions positions, Clock clock) {
        this.history = history;
        this.evidence = evidence;
        this.events = events;
        this.directory = directory;
        this.mongo = mongo;
        this.positions = positions;
        this.clock = clock;
    }

    /** The cadres found by name and unit; a cadre who reads only their own record goes straight to it. */
    @GetMapping("/records/cadres")
    String search(@RequestParam(required = false) String name, @RequestParam(required = false) String unitId,
                  @AuthenticationPrincipal SignedInPerson me, Model model) {
        if (!CadreRecordHistory.readsEveryRecord(me.role())) {
            return "redirect:" + recordPath(me.personId());
        }
        Directory.Names names = directory.names();
        String typed = name == null ? "" : name.strip();
        String unit = unitId == null || unitId.isBlank() ? null : unitId;
        List<Directory.Person> found = names.people().values().stream()
                .filter(p -> typed.isEmpty() || (p.name() != null && p.name().contains(typed)))
                .filter(p -> unit == null || unit.equals(p.unitId()))
                .sorted(java.util.Comparator.comparing(Directory.Person::left)
                        .thenComparing(Directory.Person::name, java.util.Comparator.nullsLast(
                                java.util.Comparator.naturalOrder())))
                .toList();
        model.addAttribute("names", names);
        model.addAttribute("name", typed);
        model.addAttribute("unitId", unit);
        model.addAttribute("found", found);
        return "cadre-search";
    }

    @GetMapping("/records/cadres/{cadreId}")
    String record(@PathVariable String cadreId, @RequestParam(required = false) String asOf,
                  @RequestParam(required = false) Long asOfPosition, @RequestParam(required = false) Long minPosition,
                  @AuthenticationPrincipal SignedInPerson me, Model model) {
        requireReader(me, cadreId);
        LocalDate asOfDay = day(asOf, model);
        OptionalLong at = asOfPosition != null ? OptionalLong.of(asOfPosition)
                : asOfDay == null ? OptionalLong.empty() : positions.asOfPosition(endOf(asOfDay));
        Optional<CadreRecordView> found = history.record(cadreId, minPosition, at);
        Directory.Names names = directory.names();
        if (found.isEmpty() && at.isEmpty()) {
            throw new LedgerException(ErrorCode.UNKNOWN_CADRE_RECORD, "No cadre " + cadreId + " is recorded");
        }
        model.addAttribute("cadreId", cadreId);
        model.addAttribute("cadreName", names.person(cadreId));
        model.addAttribute("names", names);
        model.addAttribute("asOfDay", asOfDay);
        model.addAttribute("asOfPosition", at.isPresent() ? at.getAsLong() : null);
        model.addAttribute("recordPage", recordPath(cadreId));
        model.addAttribute("record", found.orElse(null));
        found.ifPresent(record -> {
            model.addAttribute("refs", events.of(eventIdsOf(record)));
            model.addAttribute("taskTitles", history.taskTitles(record.frontLine().stream()
                    .map(CadreRecordView.FrontLineItem::taskId).toList()));
        });
        LocalDate today = BureauTime.dayOf(clock.instant());
        model.addAttribute("periodFrom", today.withDayOfYear(1));
        model.addAttribute("periodTo", today);
        model.addAttribute("reader", me.role());
        return "cadre-record";
    }

    /** Promotion evidence of a period, printed from the template the API's html format prints from. */
    @GetMapping("/records/cadres/{cadreId}/evidence")
    String evidence(@PathVariable String cadreId, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, @AuthenticationPrincipal SignedInPerson me,
                    Model model) {
        requireReader(me, cadreId);
        PromotionEvidenceView view = evidence.of(me.actor(), cadreId, from, to, null, null);
        model.addAllAttributes(evidence.printModel(view, "/css/print.css"));
        model.addAttribute("links", new Links(recordPath(cadreId), UriComponentsBuilder
                .fromPath(recordPath(cadreId) + "/evidence/package").queryParam("from", view.from())
                .queryParam("to", view.to()).encode().build().toUriString()));
        return PromotionEvidence.TEMPLATE;
    }

    @GetMapping("/records/cadres/{cadreId}/evidence/package")
    ResponseEntity<String> evidencePackage(@PathVariable String cadreId, @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @AuthenticationPrincipal SignedInPerson me) {
        requireReader(me, cadreId);
        PromotionEvidenceView view = evidence.of(me.actor(), cadreId, from, to, null, null);
        return EvidencePackages.download(evidence.evidencePackage(view), PromotionEvidence.packageFileName(view));
    }

    /** A unit's record: awards, scores, bulletin mentions, its heads and the urging notices it received. */
    @GetMapping("/records/units/{unitId}")
    String unit(@PathVariable String unitId, @RequestParam(required = false) Long minPosition,
                @AuthenticationPrincipal SignedInPerson me, Model model) {
        positions.awaitPosition("unit-records", minPosition);
        UnitRecordView unit = mongo.findById(unitId, UnitRecordView.class);
        if (unit == null) {
            throw new LedgerException(ErrorCode.UNKNOWN_RESOURCE, "No unit " + unitId + " is recorded");
        }
        Directory.Names names = directory.names();
        model.addAttribute("unit", unit);
        model.addAttribute("names", names);
        model.addAttribute("refs", events.of(unitEventIds(unit)));
        model.addAttribute("reader", me.role());
        return "cadre-unit-record";
    }

    /** The paths the print page links to above the paper. */
    record Links(String record, String evidencePackage) {
    }

    private static void requireReader(SignedInPerson me, String cadreId) {
        if (!CadreRecordHistory.mayRead(me.actor(), cadreId)) {
            throw new RecordRefusedException();
        }
    }

    /** Someone the rule does not let read this record: a Chinese page saying who may, with 403. */
    @ExceptionHandler(RecordRefusedException.class)
    String refused(Model model, HttpServletResponse response) {
        response.setStatus(403);
        // an exception handler's model has no @ModelAttributes: the navigation is given who is signed in here
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute("me", authentication != null
                && authentication.getPrincipal() instanceof SignedInPerson person ? person : null);
        model.addAttribute("messageKey", "cadre.refused");
        return "error-page";
    }

    /** The rule ({@link CadreRecordHistory#mayRead}) refused the signed-in person this cadre's record. */
    static final class RecordRefusedException extends RuntimeException {
        RecordRefusedException() {
            super("A cadre's record is seen by the personnel office, the discipline inspection group, bureau leaders "
                    + "and the cadre themself", null, false, false);
        }
    }

    static String recordPath(String cadreId) {
        return UriComponentsBuilder.fromPath("/records/cadres/{id}").buildAndExpand(cadreId).encode().toUriString();
    }

    /** The moment a date names for "as it stood": the end of that day in the bureau's time zone. */
    private static String endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(BureauTime.ZONE).minusNanos(1).toOffsetDateTime().toString();
    }

    private static LocalDate day(String value, Model model) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (BureauTime.isSupported(day)) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // said on the page
        }
        model.addAttribute("badDate", true);
        return null;
    }

    private static List<String> eventIdsOf(CadreRecordView record) {
        List<String> ids = new ArrayList<>(record.eventIds());
        add(ids, record.tasksLed().stream().map(CadreRecordView.TaskLed::eventIds).toList());
        add(ids, record.tasksLedAsUnitHead().stream().map(CadreRecordView.TaskLed::eventIds).toList());
        add(ids, record.scores().stream().map(CadreRecordView.ScoreItem::eventIds).toList());
        add(ids, record.bulletinMentions().stream().map(m -> m.eventIds()).toList());
        add(ids, record.urgings().stream().map(CadreRecordView.UrgingItem::eventIds).toList());
        return ids;
    }

    private static List<String> unitEventIds(UnitRecordView unit) {
        List<String> ids = new ArrayList<>(unit.eventIds());
        add(ids, unit.scores().stream().map(UnitRecordView.Score::eventIds).toList());
        add(ids, unit.bulletinMentions().stream().map(m -> m.eventIds()).toList());
        add(ids, unit.heads().stream().map(UnitRecordView.Head::eventIds).toList());
        add(ids, unit.urgings().stream().map(UnitRecordView.Urging::eventIds).toList());
        unit.awards().forEach(a -> ids.add(a.eventId()));
        return ids;
    }

    private static void add(List<String> ids, List<? extends Collection<String>> more) {
        more.forEach(ids::addAll);
    }
}
