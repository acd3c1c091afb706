package ledger.query.web.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import ledger.evidence.Checkpoint;
import ledger.kernel.security.Role;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.audit.AuditSearch;
import ledger.query.audit.EvidencePackages;
import ledger.query.infrastructure.ViewPositions;
import ledger.query.web.Access;
import ledger.query.web.Directory;
import ledger.query.web.signin.SignedInPerson;
import ledger.store.audit.AuditStore;
import ledger.store.audit.EvidenceAssembler;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 审计: the discipline inspection group's workbench. Search the log by who did it, whom it concerns, type and
 * time; open the timeline of anything as it stood at a date; verify the whole log in the background and read
 * the verdict; take the checkpoints, the public key and evidence packages away; see the notary's alarms.
 * Everything here only reads (ADR 0002: the group reads everything and changes nothing).
 */
@Controller
class AuditPageController {

    static final Set<Role> AUDITORS = Set.of(Role.DISCIPLINE_INSPECTION);
    private static final int PAGE = 50;

    private final AuditEventSearch search;
    private final SubjectTimeline timeline;
    private final LogVerifications verifications;
    private final Directory directory;
    private final AuditStore store;
    private final EvidenceAssembler assembler;
    private final EvidencePackages packages;
    private final ViewPositions positions;

    AuditPageController(AuditEventSearch search, SubjectTimeline timeline, LogVerifications verifications,
                        Directory directory, AuditStore store, EvidenceAssembler assembler, EvidencePackages packages,
                        ViewPositions positions) {
        this.positions = positions;
        this.search = search;
        this.timeline = timeline;
        this.verifications = verifications;
        this.directory = directory;
        this.store = store;
        this.assembler = assembler;
        this.packages = packages;
    }

    @GetMapping("/audit")
    String workbench(@RequestParam(required = false) String actor, @RequestParam(required = false) String concerning,
                     @RequestParam(required = false) List<String> types, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") long after,
                     @RequestParam(required = false) Long minPosition, @AuthenticationPrincipal SignedInPerson me,
                     Model model) {
        Access.require(me, AUDITORS, "The audit workbench");
        // a link after a write can ask for the index to have come that far (as the search API does)
        positions.awaitPosition(AuditEventSearch.PROCESSOR, minPosition);
        Directory.Names names = directory.names();
        Set<String> chosenTypes = new LinkedHashSet<>();
        if (types != null) {
            types.stream().filter(t -> !t.isBlank()).forEach(chosenTypes::add);
        }
        LocalDate fromDay = day(from, "from", model);
        LocalDate toDay = day(to, "to", model);
        AuditSearch.Filter filter = new AuditSearch.Filter(blank(actor), null, blank(concerning), chosenTypes,
                fromDay == null ? null : fromDay.atStartOfDay(BureauTime.ZONE).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(BureauTime.ZONE).toInstant(), Math.max(0, after));
        if (filter.any()) {
            model.addAttribute("results", search.search(filter, PAGE));
        }
        model.addAttribute("filter", filter);
        model.addAttribute("fromDay", fromDay);
        model.addAttribute("toDay", toDay);
        model.addAttribute("names", names);
        model.addAttribute("eventTypes", search.types());
        // read once: both the pickers and the results' names need every task and bulletin
        java.util.Map<String, String> taskTitles = timeline.taskTitles();
        List<String> bulletins = search.bulletins();
        model.addAttribute("subjects", subjects(names, taskTitles, bulletins));
        model.addAttribute("bulletins", bulletins);
        model.addAttribute("alarms", store.alarms().stream()
                .map(alarm -> new AlarmRow(alarm, VerifyVerdict.keyOf(alarm.problem()))).toList());
        model.addAttribute("titles", titles(names, taskTitles));
        model.addAttribute("latestCheckpoint", store.latestCheckpoint().orElse(null));
        return "audit";
    }

    @GetMapping("/audit/timeline")
    String timeline(@RequestParam(required = false) String subject, @RequestParam(required = false) String asOf,
                    @RequestParam(required = false) Long asOfPosition, @AuthenticationPrincipal SignedInPerson me,
                    Model model, HttpServletResponse response) {
        Access.require(me, AUDITORS, "The audit workbench");
        Directory.Names names = directory.names();
        model.addAttribute("names", names);
        model.addAttribute("subjects", subjects(names, timeline.taskTitles(), search.bulletins()));
        model.addAttribute("subject", blank(subject));
        LocalDate asOfDay = day(asOf, "asOf", model);
        model.addAttribute("asOfDay", asOfDay);
        if (blank(subject) != null) {
            String moment = asOfPosition != null ? String.valueOf(asOfPosition)
                    : asOfDay == null ? null : SubjectTimeline.endOf(asOfDay);
            model.addAttribute("read", timeline.of(subject.strip(), moment, names));
        }
        return "audit-timeline";
    }

    @PostMapping("/audit/verifications")
    String verify(@AuthenticationPrincipal SignedInPerson me) {
        Access.require(me, AUDITORS, "The audit workbench");
        return "redirect:/audit/verifications/" + verifications.start(me.personId()).id();
    }

    @GetMapping("/audit/verifications/{id}")
    String verification(@PathVariable String id, @RequestParam(required = false) String part,
                        @AuthenticationPrincipal SignedInPerson me, Model model) {
        Access.require(me, AUDITORS, "The audit workbench");
        LogVerifications.Run run = verifications.find(id).orElseThrow(() -> new LedgerException(
                ErrorCode.UNKNOWN_RESOURCE, "No verification " + id + " is kept here"));
        model.addAttribute("run", run);
        model.addAttribute("names", directory.names());
        // htmx polls for the progress part alone while the run goes on
        return part != null ? "audit-verify :: progress" : "audit-verify";
    }

    @GetMapping("/audit/checkpoints")
    ResponseEntity<String> checkpoints(@AuthenticationPrincipal SignedInPerson me) {
        Access.require(me, AUDITORS, "The audit workbench");
        return file(assembler.checkpoints().toJson(), MediaType.APPLICATION_JSON, "ledger-checkpoints.json");
    }

    @GetMapping("/audit/public-key")
    ResponseEntity<String> publicKey(@AuthenticationPrincipal SignedInPerson me) {
        Access.require(me, AUDITORS, "The audit workbench");
        Checkpoint latest = store.latestCheckpoint().orElseThrow(() -> new LedgerException(
                ErrorCode.EVIDENCE_NOT_YET_CHECKPOINTED, "No checkpoint has been signed yet"));
        String pem = store.publicKeyPem(latest.keyId()).orElseThrow(() -> new LedgerException(
                ErrorCode.UNKNOWN_RESOURCE, "The key of the latest checkpoint is not published"));
        return file(pem, MediaType.parseMediaType("application/x-pem-file"), "ledger-public-key.pem");
    }

    /** The evidence package of everything recorded about one subject (a bulletin, a task, a cadre...). */
    @GetMapping("/audit/evidence/{id}")
    ResponseEntity<String> evidence(@PathVariable String id, @AuthenticationPrincipal SignedInPerson me) {
        Access.require(me, AUDITORS, "The audit workbench");
        SubjectTimeline.Read read = timeline.of(id, null, directory.names());
        return EvidencePackages.download(packages.forAggregate(read.title(), id, List.of()), "evidence-" + id + ".json");
    }

    private static ResponseEntity<String> file(String body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    /** What a timeline can be opened for, by kind and name: tasks, cadres, units and bulletins. */
    private static List<SubjectGroup> subjects(Directory.Names names, java.util.Map<String, String> taskTitles,
                                               List<String> bulletins) {
        return List.of(
                new SubjectGroup("Task", taskTitles.entrySet().stream()
                        .map(e -> new SubjectTimeline.Subject(e.getKey(), e.getValue())).toList()),
                new SubjectGroup("Cadre", names.people().values().stream()
                        .map(p -> new SubjectTimeline.Subject(p.id(), names.person(p.id()))).toList()),
                new SubjectGroup("Unit", names.unitList().stream()
                        .map(u -> new SubjectTimeline.Subject(u.id(), names.unit(u.id()))).toList()),
                new SubjectGroup("Bulletin", bulletins.stream()
                        .map(b -> new SubjectTimeline.Subject(b, b.replace("bulletin-", ""))).toList()));
    }

    /** A notary's alarm, with the Chinese sentence for its kind. */
    record AlarmRow(AuditStore.Alarm alarm, String problemKey) {
    }

    /** Names of what search results concern: tasks by title, people and units by name. */
    private static java.util.Map<String, String> titles(Directory.Names names, java.util.Map<String, String> taskTitles) {
        java.util.Map<String, String> titles = new java.util.HashMap<>(taskTitles);
        names.people().keySet().forEach(id -> titles.put(id, names.person(id)));
        names.units().keySet().forEach(id -> titles.put(id, names.unit(id)));
        return titles;
    }

    record SubjectGroup(String kind, List<SubjectTimeline.Subject> subjects) {
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate day(String value, String field, Model model) {
        if (blank(value) == null) {
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
        model.addAttribute("badDate", field);
        return null;
    }
}
