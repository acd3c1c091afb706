package ledger.query.web.taskforce;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.kernel.taskforce.LeadershipMeeting;
import ledger.kernel.taskforce.ProblemKind;
import ledger.query.ledger.LedgerReader;
import ledger.query.ledger.LedgerTaskView;
import ledger.query.taskforce.TaskForceReader;
import ledger.query.taskforce.TaskForceView;
import ledger.query.web.CommandSide;
import ledger.query.web.Directory;
import ledger.query.web.Form;
import ledger.query.web.FormPosts;
import ledger.query.web.signin.SignedInPerson;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 工作难题专班: forming one from a stuck task (the page explains who may lead which kind; the TaskForce aggregate
 * decides), and one task force's record with the forms its lead leader and the bureau office may use.
 */
@Controller
class TaskForcePageController {

    private static final String[] FORM = {"taskId", "problem", "kind", "area"};
    private static final String[] MEETING = {"heldOn", "minutes"};
    private static final String[] OPINION = {"opinion"};
    private static final String[] REFERRAL = {"meeting"};
    private static final String[] DECISION = {"meeting", "decisionRef", "decision", "newDueDate", "newLeadLeaderId",
            "newLeadUnitId", "problemResolved"};
    private static final String[] DISSOLUTION = {"outcome"};

    private final TaskForceReader taskForces;
    private final LedgerReader ledger;
    private final Directory directory;
    private final FormPosts forms;
    private final MongoTemplate mongo;

    TaskForcePageController(TaskForceReader taskForces, LedgerReader ledger, Directory directory, FormPosts forms,
                            MongoTemplate mongo) {
        this.taskForces = taskForces;
        this.ledger = ledger;
        this.directory = directory;
        this.forms = forms;
        this.mongo = mongo;
    }

    @GetMapping("/task-forces")
    String list(Model model) {
        model.addAttribute("taskForces", taskForces.all(null));
        model.addAttribute("names", directory.names());
        return "task-forces";
    }

    // 成立专班

    @GetMapping("/task-forces/new")
    String formPage(@RequestParam String taskId, @AuthenticationPrincipal SignedInPerson me, Model model) {
        requireLeader(me);
        Form form = forms.empty(FORM);
        form.getValues().put("taskId", taskId);
        return newPage(me, model, form, List.of());
    }

    @PostMapping("/task-forces")
    String form(@RequestParam Map<String, String> typed,
                @RequestParam(name = "memberUnitIds", required = false) List<String> memberUnitIds,
                @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        requireLeader(me);
        Form form = forms.typed(typed, FORM);
        List<String> members = memberUnitIds == null ? List.of()
                : memberUnitIds.stream().filter(u -> !u.isBlank()).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("problem", form.required("problem", 1000));
        String kind = form.required("kind", 20);
        body.put("kind", kind);
        String area = form.optional("area", 60);
        if ("BUSINESS".equals(kind) && area == null) {
            form.required("area", 60);
        }
        body.put("area", area);
        // a task force is formed by the leader who will lead it (the aggregate insists)
        body.put("leadLeaderId", me.personId());
        body.put("memberUnitIds", members);
        body.put("taskIds", List.of(form.value("taskId")));
        CommandSide.Outcome outcome = forms.send(me, form, "/api/task-forces", body, response);
        if (outcome == null) {
            return newPage(me, model, form, members);
        }
        return "redirect:/task-forces/" + outcome.id() + "?saved&minPosition=" + outcome.position();
    }

    private String newPage(SignedInPerson me, Model model, Form form, List<String> members) {
        model.addAttribute("task", ledger.task(form.value("taskId"), null, null, null));
        model.addAttribute("form", form);
        model.addAttribute("members", members);
        model.addAttribute("kinds", ProblemKind.values());
        model.addAttribute("names", directory.names());
        model.addAttribute("lead", leadership(me.personId()));
        return "task-force-new";
    }

    /** What the organisation recorded about a leader's charge, to explain the rule beside the form. */
    record Leadership(List<String> areasInCharge, boolean inChargeOfPersonnel) {
    }

    private Leadership leadership(String personId) {
        Document record = mongo.findById(personId, Document.class, "cadre_records");
        Document leadership = record == null ? null : record.get("leadership", Document.class);
        if (leadership == null) {
            return new Leadership(List.of(), false);
        }
        return new Leadership(Optional.ofNullable(leadership.getList("areasInCharge", String.class)).orElse(List.of()),
                Boolean.TRUE.equals(leadership.getBoolean("inChargeOfPersonnel")));
    }

    // 一个专班

    @GetMapping("/task-forces/{taskForceId}")
    String taskForce(@PathVariable String taskForceId, @RequestParam(required = false) Long minPosition,
                     @RequestParam(required = false) String saved, @AuthenticationPrincipal SignedInPerson me,
                     Model model) {
        model.addAttribute("saved", saved != null);
        return page(taskForceId, minPosition, me, model, null, null);
    }

    /** What the signed-in person may do here: a courtesy, the TaskForce aggregate decides. */
    record Actions(boolean lead, boolean meet, boolean opine, boolean refer, boolean decide, boolean dissolve) {

        static Actions of(SignedInPerson me, TaskForceView tf) {
            boolean active = !tf.dissolved();
            boolean lead = active && me.role() == Role.BUREAU_LEADER && me.personId().equals(tf.leadLeaderId());
            boolean pending = tf.pendingReferral() != null;
            return new Actions(lead, lead, lead, lead && !tf.opinions().isEmpty() && !pending,
                    active && pending && me.role() == Role.BUREAU_OFFICE, lead);
        }

        public boolean any() {
            return meet || opine || refer || decide || dissolve;
        }
    }

    private String page(String taskForceId, Long minPosition, SignedInPerson me, Model model, String formName,
                        Form form) {
        TaskForceView tf = taskForces.taskForce(taskForceId, minPosition);
        model.addAttribute("tf", tf);
        // each linked task as the ledger shows it now: where the decision's effect can be seen
        List<LedgerTaskView> tasks = tf.taskIds().stream().map(id -> ledger.task(id, null, null, null)).toList();
        model.addAttribute("tasks", tasks);
        Map<String, String> titles = new LinkedHashMap<>();
        tasks.forEach(t -> titles.put(t.taskId(), t.title()));
        model.addAttribute("taskTitles", titles);
        model.addAttribute("names", directory.names());
        model.addAttribute("actions", Actions.of(me, tf));
        model.addAttribute("meetings", LeadershipMeeting.values());
        Map<String, Form> all = new LinkedHashMap<>();
        all.put("meeting", forms.empty(MEETING));
        all.put("opinion", forms.empty(OPINION));
        all.put("referral", forms.empty(REFERRAL));
        all.put("decision", forms.empty(DECISION));
        all.put("dissolution", forms.empty(DISSOLUTION));
        if (formName != null) {
            all.put(formName, form);
        }
        model.addAttribute("forms", all);
        Actions actions = Actions.of(me, tf);
        boolean formShown = formName != null && switch (formName) {
            case "meeting" -> actions.meet();
            case "opinion" -> actions.opine();
            case "referral" -> actions.refer();
            case "decision" -> actions.decide();
            default -> actions.dissolve();
        };
        // a refusal whose form the page does not show (someone else acted meanwhile)
        model.addAttribute("refusal", form != null && !formShown ? form.getGeneral() : null);
        return "task-force";
    }

    @PostMapping("/task-forces/{taskForceId}/meetings")
    String meeting(@PathVariable String taskForceId, @RequestParam Map<String, String> typed,
                   @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        Form form = forms.typed(typed, MEETING);
        LocalDate heldOn = form.date("heldOn");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("heldOn", heldOn == null ? null : heldOn.toString());
        body.put("minutes", form.required("minutes", 8000));
        return sent(taskForceId, "meeting", form, "/meetings", body, me, model, response);
    }

    @PostMapping("/task-forces/{taskForceId}/opinions")
    String opinion(@PathVariable String taskForceId, @RequestParam Map<String, String> typed,
                   @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        Form form = forms.typed(typed, OPINION);
        Map<String, Object> body = Map.of("opinion", nullToEmpty(form.required("opinion", 8000)));
        return sent(taskForceId, "opinion", form, "/feasibility-opinions", body, me, model, response);
    }

    @PostMapping("/task-forces/{taskForceId}/referrals")
    String refer(@PathVariable String taskForceId, @RequestParam Map<String, String> typed,
                 @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        Form form = forms.typed(typed, REFERRAL);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meeting", meeting(form));
        return sent(taskForceId, "referral", form, "/referrals", body, me, model, response);
    }

    @PostMapping("/task-forces/{taskForceId}/decisions")
    String decide(@PathVariable String taskForceId, @RequestParam Map<String, String> typed,
                  @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        Form form = forms.typed(typed, DECISION);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meeting", meeting(form));
        body.put("decisionRef", form.required("decisionRef", 100));
        body.put("decision", form.required("decision", 8000));
        if (!form.value("newDueDate").isBlank()) {
            LocalDate due = form.date("newDueDate");
            body.put("newDueDate", due == null ? null : due.toString());
        }
        body.put("newLeadLeaderId", form.optional("newLeadLeaderId", 100));
        body.put("newLeadUnitId", form.optional("newLeadUnitId", 100));
        body.put("problemResolved", "true".equals(form.value("problemResolved")));
        return sent(taskForceId, "decision", form, "/decisions", body, me, model, response);
    }

    @PostMapping("/task-forces/{taskForceId}/dissolution")
    String dissolve(@PathVariable String taskForceId, @RequestParam Map<String, String> typed,
                    @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        Form form = forms.typed(typed, DISSOLUTION);
        Map<String, Object> body = Map.of("outcome", nullToEmpty(form.required("outcome", 4000)));
        return sent(taskForceId, "dissolution", form, "/dissolutions", body, me, model, response);
    }

    /** One of the select's meetings; anything else the command side refuses as a bad value. */
    private static String meeting(Form form) {
        return form.required("meeting", 40);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private String sent(String taskForceId, String formName, Form form, String resource, Map<String, Object> body,
                        SignedInPerson me, Model model, HttpServletResponse response) {
        CommandSide.Outcome outcome = forms.send(me, form, "/api/task-forces/" + taskForceId + resource, body,
                response);
        if (outcome == null) {
            return page(taskForceId, null, me, model, formName, form);
        }
        return "redirect:/task-forces/" + taskForceId + "?saved&minPosition=" + outcome.position();
    }

    private static void requireLeader(SignedInPerson me) {
        if (me.role() != Role.BUREAU_LEADER) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "Task forces are formed by bureau leaders");
        }
    }
}
