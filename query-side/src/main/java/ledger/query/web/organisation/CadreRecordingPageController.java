package ledger.query.web.organisation;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import ledger.kernel.organisation.AwardKind;
import ledger.kernel.organisation.FrontLineKind;
import ledger.kernel.shared.BureauTime;
import ledger.query.cadre.CadreRecordView;
import ledger.query.ledger.LedgerReader;
import ledger.query.ledger.LedgerTaskView;
import ledger.query.unit.UnitRecordView;
import ledger.query.web.CommandSide;
import ledger.query.web.Form;
import ledger.query.web.FormPosts;
import ledger.query.web.signin.SignedInPerson;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the personnel office records beside the assessments: 双创双争 awards for cadres and units, front-line
 * work with the task it was done on (picked from the ledger), and mistakes with the Party Group's
 * error-tolerance decision on each of the three distinctions (三个区分开来) beside them.
 */
@Controller
class CadreRecordingPageController {

    static final String[] AWARD = {"subject", "award", "year", "citation"};
    static final String[] FRONT_LINE = {"cadreId", "kind", "taskId", "performance", "on"};
    static final String[] MISTAKE = {"cadreId", "description", "occurredOn"};
    static final String[] TOLERANCE = {"mistake", "experimentVersusViolation", "publicVersusPrivate",
            "unawareVersusKnowing", "partyGroupDecisionRef"};
    /**
     * Which ledgers the task picker reads: a year back (a month holds its carried-over tasks too) and the
     * months ahead that tasks are already assigned to.
     */
    private static final int TASK_MONTHS_BACK = 12;
    private static final int TASK_MONTHS_AHEAD = 3;

    record CadreAward(CadreRecordView cadre, CadreRecordView.AwardItem award) {
    }

    record UnitAward(UnitRecordView unit, UnitRecordView.Award award) {
    }

    record FrontLine(CadreRecordView cadre, CadreRecordView.FrontLineItem work) {
    }

    record Mistake(CadreRecordView cadre, CadreRecordView.MistakeItem mistake) {

        /** The value the decision form's picker sends: the cadre and their mistake. */
        public String key() {
            return cadre.cadreId() + "/" + mistake.mistakeId();
        }
    }

    private final Organisation organisation;
    private final LedgerReader ledger;
    private final FormPosts posts;
    private final Clock clock;
    private final MessageSource messages;

    CadreRecordingPageController(Organisation organisation, LedgerReader ledger, FormPosts posts, Clock clock,
                                 MessageSource messages) {
        this.messages = messages;
        this.organisation = organisation;
        this.ledger = ledger;
        this.posts = posts;
        this.clock = clock;
    }

    @GetMapping("/organisation/awards")
    String awards(@RequestParam(required = false) Long minPosition, @RequestParam(required = false) String saved,
                  @AuthenticationPrincipal SignedInPerson me, Model model) {
        model.addAttribute("saved", saved);
        return awards(me, model, minPosition, posts.empty(AWARD));
    }

    private String awards(SignedInPerson me, Model model, Long minPosition, Form form) {
        List<CadreRecordView> cadres = common(me, model, minPosition);
        List<UnitRecordView> units = organisation.units(minPosition);
        List<CadreAward> cadreAwards = new ArrayList<>();
        cadres.forEach(c -> c.awards().forEach(a -> cadreAwards.add(new CadreAward(c, a))));
        cadreAwards.sort(Comparator.comparing((CadreAward a) -> a.award().year()).reversed());
        List<UnitAward> unitAwards = new ArrayList<>();
        units.forEach(u -> u.awards().forEach(a -> unitAwards.add(new UnitAward(u, a))));
        unitAwards.sort(Comparator.comparing((UnitAward a) -> a.award().year()).reversed());
        model.addAttribute("cadreAwards", cadreAwards);
        model.addAttribute("unitAwards", unitAwards);
        model.addAttribute("awardKinds", AwardKind.values());
        model.addAttribute("thisYear", BureauTime.dayOf(clock.instant()).getYear());
        model.addAttribute("form", form);
        return "organisation-awards";
    }

    @PostMapping("/organisation/awards")
    String award(@RequestParam Map<String, String> typed, @AuthenticationPrincipal SignedInPerson me, Model model,
                 HttpServletResponse response) {
        OrganisationActions.requireReader(me);
        Form form = posts.typed(typed, AWARD);
        String subject = form.required("subject", 200);
        String[] kindAndId = subject == null ? new String[0] : subject.split(":", 2);
        boolean unit = kindAndId.length == 2 && kindAndId[0].equals("UNIT");
        if (subject != null && (kindAndId.length != 2 || !unit && !kindAndId[0].equals("CADRE"))) {
            form.getErrors().put("subject", unpicked());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("award", form.required("award", 40));
        body.put("year", form.between("year", BureauTime.EARLIEST_DAY.getYear(), BureauTime.LATEST_DAY.getYear()));
        body.put("citation", form.required("citation", 2000));
        String path = kindAndId.length == 2 ? (unit ? "/api/units/" : "/api/cadres/") + kindAndId[1] + "/awards" : "";
        CommandSide.Outcome outcome = posts.send(me, form, path, body, response);
        if (outcome == null) {
            return awards(me, model, null, form);
        }
        return "redirect:/organisation/awards?saved=award&minPosition=" + outcome.position();
    }

    @GetMapping("/organisation/front-line")
    String frontLine(@RequestParam(required = false) Long minPosition, @RequestParam(required = false) String saved,
                     @AuthenticationPrincipal SignedInPerson me, Model model) {
        model.addAttribute("saved", saved);
        return frontLine(me, model, minPosition, posts.empty(FRONT_LINE));
    }

    private String frontLine(SignedInPerson me, Model model, Long minPosition, Form form) {
        List<CadreRecordView> cadres = common(me, model, minPosition);
        List<FrontLine> rows = new ArrayList<>();
        cadres.forEach(c -> c.frontLine().forEach(w -> rows.add(new FrontLine(c, w))));
        rows.sort(Comparator.comparing((FrontLine r) -> r.work().on()).reversed());
        Map<String, String> tasks = recentTasks();
        for (FrontLine row : rows) {
            tasks.computeIfAbsent(row.work().taskId(), this::title);
        }
        model.addAttribute("rows", rows);
        model.addAttribute("tasks", tasks);
        model.addAttribute("kinds", FrontLineKind.values());
        model.addAttribute("form", form);
        return "organisation-front-line";
    }

    @PostMapping("/organisation/front-line")
    String recordFrontLine(@RequestParam Map<String, String> typed, @AuthenticationPrincipal SignedInPerson me,
                           Model model, HttpServletResponse response) {
        OrganisationActions.requireReader(me);
        Form form = posts.typed(typed, FRONT_LINE);
        String cadreId = form.required("cadreId", 100);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", form.required("kind", 60));
        body.put("taskId", form.required("taskId", 100));
        body.put("performance", form.required("performance", 4000));
        body.put("on", form.date("on"));
        CommandSide.Outcome outcome = posts.send(me, form, "/api/cadres/" + cadreId + "/front-line-records", body,
                response);
        if (outcome == null) {
            return frontLine(me, model, null, form);
        }
        return "redirect:/organisation/front-line?saved=frontLine&minPosition=" + outcome.position();
    }

    @GetMapping("/organisation/mistakes")
    String mistakes(@RequestParam(required = false) Long minPosition, @RequestParam(required = false) String saved,
                    @AuthenticationPrincipal SignedInPerson me, Model model) {
        model.addAttribute("saved", saved);
        return mistakes(me, model, minPosition, null, null);
    }

    private String mistakes(SignedInPerson me, Model model, Long minPosition, String formName, Form form) {
        List<CadreRecordView> cadres = common(me, model, minPosition);
        List<Mistake> rows = new ArrayList<>();
        cadres.forEach(c -> c.mistakes().forEach(m -> rows.add(new Mistake(c, m))));
        rows.sort(Comparator.comparing((Mistake r) -> r.mistake().occurredOn()).reversed());
        model.addAttribute("rows", rows);
        model.addAttribute("undecided", rows.stream().filter(r -> r.mistake().excusedBy() == null).toList());
        Map<String, Form> forms = new LinkedHashMap<>();
        forms.put("mistake", posts.empty(MISTAKE));
        forms.put("tolerance", posts.empty(TOLERANCE));
        if (formName != null) {
            forms.put(formName, form);
        }
        model.addAttribute("forms", forms);
        return "organisation-mistakes";
    }

    @PostMapping("/organisation/mistakes")
    String recordMistake(@RequestParam Map<String, String> typed, @AuthenticationPrincipal SignedInPerson me,
                         Model model, HttpServletResponse response) {
        OrganisationActions.requireReader(me);
        Form form = posts.typed(typed, MISTAKE);
        String cadreId = form.required("cadreId", 100);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("description", form.required("description", 4000));
        body.put("occurredOn", form.date("occurredOn"));
        body.put("evidenceEventIds", List.of());
        CommandSide.Outcome outcome = posts.send(me, form, "/api/cadres/" + cadreId + "/mistakes", body, response);
        if (outcome == null) {
            return mistakes(me, model, null, "mistake", form);
        }
        return "redirect:/organisation/mistakes?saved=mistake&minPosition=" + outcome.position();
    }

    @PostMapping("/organisation/error-tolerance-decisions")
    String decide(@RequestParam Map<String, String> typed, @AuthenticationPrincipal SignedInPerson me, Model model,
                  HttpServletResponse response) {
        OrganisationActions.requireReader(me);
        Form form = posts.typed(typed, TOLERANCE);
        String picked = form.required("mistake", 200);
        String[] cadreAndMistake = picked == null ? new String[0] : picked.split("/", 2);
        if (picked != null && cadreAndMistake.length != 2) {
            form.getErrors().put("mistake", unpicked());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mistakeId", cadreAndMistake.length == 2 ? cadreAndMistake[1] : null);
        for (String distinction : List.of("experimentVersusViolation", "publicVersusPrivate", "unawareVersusKnowing")) {
            body.put(distinction, form.required(distinction, 2000));
        }
        body.put("partyGroupDecisionRef", form.required("partyGroupDecisionRef", 100));
        String path = cadreAndMistake.length == 2 ? "/api/cadres/" + cadreAndMistake[0] + "/error-tolerance-decisions" : "";
        CommandSide.Outcome outcome = posts.send(me, form, path, body, response);
        if (outcome == null) {
            return mistakes(me, model, null, "tolerance", form);
        }
        return "redirect:/organisation/mistakes?saved=tolerance&minPosition=" + outcome.position();
    }

    /** What every one of these pages shows: the cadres (for the lists and pickers), units' names, who may record. */
    private List<CadreRecordView> common(SignedInPerson me, Model model, Long minPosition) {
        OrganisationActions.requireReader(me);
        List<CadreRecordView> cadres = organisation.cadres(minPosition);
        List<UnitRecordView> units = organisation.units(null);
        model.addAttribute("units", units);
        model.addAttribute("unitNames", OrganisationPageController.unitNames(units));
        // nobody records on their own record
        model.addAttribute("serving", Organisation.serving(cadres).stream()
                .filter(c -> !c.cadreId().equals(me.personId())).toList());
        model.addAttribute("canRecord", OrganisationActions.records(me));
        return cadres;
    }

    /** The tasks of the recent ledgers by id, latest month first, for the task picker. */
    private Map<String, String> recentTasks() {
        Map<String, String> tasks = new LinkedHashMap<>();
        YearMonth month = YearMonth.from(BureauTime.dayOf(clock.instant())).plusMonths(TASK_MONTHS_AHEAD);
        for (int i = 0; i <= TASK_MONTHS_AHEAD + TASK_MONTHS_BACK; i++, month = month.minusMonths(1)) {
            for (LedgerTaskView task : ledger.month(month)) {
                tasks.putIfAbsent(task.taskId(), task.title());
            }
        }
        return tasks;
    }

    private String title(String taskId) {
        try {
            return ledger.task(taskId, null, null, null).title();
        } catch (ledger.kernel.shared.LedgerException unknown) {
            return "〔" + taskId + "〕";
        }
    }

    /** A picker's value that no option of the page sends: said as an unpicked field. */
    private String unpicked() {
        return messages.getMessage("field.required", null, LocaleContextHolder.getLocale());
    }
}
