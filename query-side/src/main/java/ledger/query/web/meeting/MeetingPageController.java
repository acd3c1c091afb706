package ledger.query.web.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import ledger.kernel.security.Role;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.task.TaskSource;
import ledger.query.ledger.LedgerReader;
import ledger.query.ledger.LedgerTaskView;
import ledger.query.meeting.MeetingReader;
import ledger.query.meeting.MeetingView;
import ledger.query.web.CommandSide;
import ledger.query.web.Directory;
import ledger.query.web.Form;
import ledger.query.web.FormPosts;
import ledger.query.web.signin.SignedInPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 局长议事会: the meetings, convening one for a month, the meeting itself (the lagging tasks of the ledger as it
 * stood when convened, their causes and countermeasures, cancellations and merges, next month's tasks, closing)
 * and its printable minutes. Forms go to the command side as the signed-in person, which decides each.
 */
@Controller
class MeetingPageController {

    /** What the meeting reviews: the tasks whose light was yellow or red when it was convened. */
    static final Set<String> LAGGING = Set.of(LedgerTaskView.OVERDUE, LedgerTaskView.AT_RISK);
    private static final int ALL_OF_A_MONTH = 10_000;
    private static final String[] CONVENE = {"month", "heldOn"};
    private static final String[] REVIEW = {"taskId", "causes", "countermeasures"};
    private static final String[] CANCEL = {"taskId", "intoTaskId", "reason"};
    private static final String[] ASSIGN = {"title", "description", "source", "sourceReference", "leadLeaderId",
        "leadUnitId", "dueDate"};

    private final MeetingReader meetings;
    private final LedgerReader ledger;
    private final Directory directory;
    private final FormPosts forms;
    private final Clock clock;

    MeetingPageController(MeetingReader meetings, LedgerReader ledger, Directory directory, FormPosts forms,
                          Clock clock) {
        this.meetings = meetings;
        this.ledger = ledger;
        this.directory = directory;
        this.forms = forms;
        this.clock = clock;
    }

    @GetMapping("/meetings")
    String list(@RequestParam(required = false) Long minPosition, @AuthenticationPrincipal SignedInPerson me,
                Model model) {
        Form form = forms.empty(CONVENE);
        LocalDate today = BureauTime.dayOf(clock.instant());
        form.getValues().put("month", YearMonth.from(today).toString());
        form.getValues().put("heldOn", today.toString());
        return listPage(minPosition, me, model, form);
    }

    private String listPage(Long minPosition, SignedInPerson me, Model model, Form form) {
        model.addAttribute("meetings", meetings.all(minPosition));
        model.addAttribute("mayConvene", me.role() == Role.BUREAU_LEADER);
        model.addAttribute("form", form);
        return "meetings";
    }

    @PostMapping("/meetings")
    String convene(@RequestParam Map<String, String> typed, @AuthenticationPrincipal SignedInPerson me, Model model,
                   HttpServletResponse response) {
        Form form = forms.typed(typed, CONVENE);
        YearMonth month = form.month("month");
        LocalDate heldOn = form.date("heldOn");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("month", month == null ? null : month.toString());
        body.put("heldOn", heldOn == null ? null : heldOn.toString());
        CommandSide.Outcome outcome = forms.send(me, form, "/api/deliberation-meetings", body, response);
        if (outcome == null) {
            return listPage(null, me, model, form);
        }
        return "redirect:/meetings/" + outcome.id() + "?minPosition=" + outcome.position();
    }

    @GetMapping("/meetings/{meetingId}")
    String meeting(@PathVariable String meetingId, @RequestParam(required = false) Long minPosition,
                   @RequestParam(required = false) String saved, @AuthenticationPrincipal SignedInPerson me,
                   Model model) {
        model.addAttribute("saved", saved != null);
        return page(meetingId, minPosition, me, model, null, null, null);
    }

    /** The meeting page; {@code formName}/{@code form} is the form sent back with what is wrong, for {@code taskId}. */
    private String page(String meetingId, Long minPosition, SignedInPerson me, Model model, String formName,
                        Form form, String formTask) {
        MeetingView meeting = meetings.meeting(meetingId, minPosition);
        Reviewed reviewed = reviewed(meeting);
        model.addAttribute("meeting", meeting);
        model.addAttribute("lagging", reviewed.lagging());
        model.addAttribute("others", reviewed.others());
        model.addAttribute("names", directory.names());
        model.addAttribute("sources", TaskSource.values());
        model.addAttribute("nextMonth", YearMonth.parse(meeting.month()).plusMonths(1));
        Map<String, Form> all = new LinkedHashMap<>();
        all.put("review", forms.empty(REVIEW));
        all.put("cancel", forms.empty(CANCEL));
        all.put("assign", forms.empty(ASSIGN));
        if (formName != null) {
            all.put(formName, form);
        }
        model.addAttribute("forms", all);
        model.addAttribute("formTask", formTask);
        boolean mayAct = me.role() == Role.BUREAU_LEADER && !meeting.closed();
        boolean formShown = mayAct && formName != null && switch (formName) {
            case "review" -> meeting.reviewOf(formTask).isEmpty() && reviewed.lagging().stream()
                    .anyMatch(t -> t.taskId().equals(formTask));
            case "cancel" -> meeting.cancellationOf(formTask).isEmpty() && reviewed.lagging().stream()
                    .anyMatch(t -> t.taskId().equals(formTask));
            default -> true;
        };
        // a refusal whose form the page no longer shows (the meeting closed, the task was reviewed meanwhile)
        model.addAttribute("refusal", form != null && !formShown ? form.getGeneral() : null);
        model.addAttribute("mayAct", mayAct);
        // the other rows' forms stay empty while one row's form shows what is wrong
        model.addAttribute("blankReview", forms.empty(REVIEW));
        model.addAttribute("blankCancel", forms.empty(CANCEL));
        model.addAttribute("titles", titles(reviewed));
        return "meeting";
    }

    /** The ledger of the meeting's month as it stood when convened: the lagging tasks, and the rest. */
    record Reviewed(List<LedgerTaskView> lagging, List<LedgerTaskView> others) {
    }

    private Reviewed reviewed(MeetingView meeting) {
        List<LedgerTaskView> rows = ledger.month(YearMonth.parse(meeting.month()), LedgerReader.Filter.NONE, 0,
                ALL_OF_A_MONTH, null, String.valueOf(meeting.ledgerPosition())).tasks();
        // a task the meeting already reviewed or decided on stays in its list, whatever its light was
        List<LedgerTaskView> lagging = rows.stream().filter(t -> LAGGING.contains(t.status())
                || meeting.reviewOf(t.taskId()).isPresent() || meeting.cancellationOf(t.taskId()).isPresent()).toList();
        List<LedgerTaskView> others = rows.stream().filter(t -> !lagging.contains(t)).toList();
        return new Reviewed(lagging, others);
    }

    @PostMapping("/meetings/{meetingId}/reviews")
    String review(@PathVariable String meetingId, @RequestParam Map<String, String> typed,
                  @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        Form form = forms.typed(typed, REVIEW);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("taskId", form.required("taskId", 100));
        body.put("causes", form.required("causes", 4000));
        body.put("countermeasures", form.required("countermeasures", 4000));
        return sent(meetingId, "review", form, "/lagging-task-reviews", body, me, model, response);
    }

    @PostMapping("/meetings/{meetingId}/cancellations")
    String cancel(@PathVariable String meetingId, @RequestParam Map<String, String> typed,
                  @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        Form form = forms.typed(typed, CANCEL);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("taskId", form.required("taskId", 100));
        body.put("intoTaskId", form.optional("intoTaskId", 100));
        body.put("reason", form.required("reason", 2000));
        return sent(meetingId, "cancel", form, "/task-cancellations", body, me, model, response);
    }

    @PostMapping("/meetings/{meetingId}/assignments")
    String assign(@PathVariable String meetingId, @RequestParam Map<String, String> typed,
                  @RequestParam(name = "coUnitIds", required = false) List<String> coUnitIds,
                  @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        Form form = forms.typed(typed, ASSIGN);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", form.required("title", 200));
        body.put("description", form.optional("description", 4000));
        // no source: the meeting's own task; otherwise the requirement's source stays on the task
        String source = form.optional("source", 60);
        body.put("source", Arrays.stream(TaskSource.values()).anyMatch(s -> s.name().equals(source)) ? source : null);
        body.put("sourceReference", form.optional("sourceReference", 200));
        body.put("leadLeaderId", form.required("leadLeaderId", 100));
        body.put("leadUnitId", form.required("leadUnitId", 100));
        body.put("coUnitIds", coUnitIds == null ? List.of() : coUnitIds.stream().filter(u -> !u.isBlank()).toList());
        LocalDate due = form.date("dueDate");
        body.put("dueDate", due == null ? null : due.toString());
        return sent(meetingId, "assign", form, "/task-assignments", body, me, model, response);
    }

    @PostMapping("/meetings/{meetingId}/closure")
    String close(@PathVariable String meetingId, @AuthenticationPrincipal SignedInPerson me, Model model,
                 HttpServletResponse response) {
        Form form = forms.empty();
        return sent(meetingId, "closure", form, "/closure", Map.of(), me, model, response);
    }

    private String sent(String meetingId, String formName, Form form, String resource, Map<String, Object> body,
                        SignedInPerson me, Model model, HttpServletResponse response) {
        CommandSide.Outcome outcome = forms.send(me, form, "/api/deliberation-meetings/" + meetingId + resource, body,
                response);
        if (outcome == null) {
            return page(meetingId, null, me, model, formName, form, form.getValues().get("taskId"));
        }
        return "redirect:/meetings/" + meetingId + "?saved&minPosition=" + outcome.position();
    }

    @GetMapping("/meetings/{meetingId}/minutes")
    String minutes(@PathVariable String meetingId, Model model) {
        MeetingView meeting = meetings.meeting(meetingId, null);
        Reviewed reviewed = reviewed(meeting);
        model.addAttribute("meeting", meeting);
        model.addAttribute("lagging", reviewed.lagging());
        model.addAttribute("othersCount", reviewed.others().size());
        model.addAttribute("nextMonth", YearMonth.parse(meeting.month()).plusMonths(1));
        model.addAttribute("titles", titles(reviewed));
        model.addAttribute("names", directory.names());
        return "meeting-minutes";
    }

    /** Task titles by id, for a merge's target. */
    private static Map<String, String> titles(Reviewed reviewed) {
        Map<String, String> titles = new LinkedHashMap<>();
        reviewed.lagging().forEach(t -> titles.put(t.taskId(), t.title()));
        reviewed.others().forEach(t -> titles.put(t.taskId(), t.title()));
        return titles;
    }
}
