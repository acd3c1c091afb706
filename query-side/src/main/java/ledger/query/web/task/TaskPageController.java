package ledger.query.web.task;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.kernel.task.TaskSource;
import ledger.query.ledger.LedgerReader;
import ledger.query.ledger.LedgerTaskView;
import ledger.query.web.CommandSide;
import ledger.query.web.Directory;
import ledger.query.web.Form;
import ledger.query.web.SignInLapsedException;
import ledger.query.web.signin.SignedInPerson;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 任务: one key task with everything recorded about it, and the forms the signed-in person may use on it.
 * Every form is forwarded to the command side as that person; after it the page reads its own write.
 */
@Controller
class TaskPageController {

    private static final String[] PROGRESS = {"percent", "narrative", "milestone"};
    private static final String[] DEADLINE_REQUEST = {"proposedDueDate", "reason"};
    private static final String[] DECISION = {"note"};
    private static final String[] CLAIM = {"summary"};
    private static final String[] VERIFICATION = {"note", "reason"};
    private static final String[] URGING = {"reason", "expectation", "replyBy"};
    private static final String[] REPLY = {"noticeId", "explanation", "measures", "percent"};
    private static final String[] ASSIGNMENT = {"title", "description", "source", "sourceReference", "leadLeaderId",
            "leadUnitId", "dueDate", "ledgerMonth"};

    private final LedgerReader ledger;
    private final TaskTimeline timeline;
    private final Directory directory;
    private final CommandSide commandSide;
    private final MessageSource messages;

    TaskPageController(LedgerReader ledger, TaskTimeline timeline, Directory directory, CommandSide commandSide,
                       MessageSource messages) {
        this.ledger = ledger;
        this.timeline = timeline;
        this.directory = directory;
        this.commandSide = commandSide;
        this.messages = messages;
    }

    @GetMapping("/tasks/{taskId}")
    String task(@PathVariable String taskId, @RequestParam(required = false) Long minPosition,
                @RequestParam(required = false) String saved, @AuthenticationPrincipal SignedInPerson me, Model model) {
        model.addAttribute("saved", saved != null);
        return page(taskId, minPosition, me, model, null, null);
    }

    private String page(String taskId, Long minPosition, SignedInPerson me, Model model, String formName, Form form) {
        LedgerTaskView task = ledger.task(taskId, minPosition, null, null);
        model.addAttribute("task", task);
        model.addAttribute("names", directory.names());
        TaskTimeline.Read read = timeline.of(taskId);
        model.addAttribute("timeline", read.rows());
        model.addAttribute("deadlines", read.deadlines());
        model.addAttribute("actions", TaskActions.of(me.actor(), task));
        model.addAttribute("receipts", receipts(task));
        Map<String, Form> forms = new LinkedHashMap<>();
        forms.put("progress", Form.empty(messages, PROGRESS));
        forms.put("deadlineRequest", Form.empty(messages, DEADLINE_REQUEST));
        forms.put("decision", Form.empty(messages, DECISION));
        forms.put("claim", Form.empty(messages, CLAIM));
        forms.put("verification", Form.empty(messages, VERIFICATION));
        forms.put("urging", Form.empty(messages, URGING));
        forms.put("reply", Form.empty(messages, REPLY));
        forms.put("receipt", Form.empty(messages));
        if (formName != null) {
            forms.put(formName, form);
        }
        model.addAttribute("forms", forms);
        return "task";
    }

    /** Every unit of the task with its receipt, the lead unit first; a unit that has neither signed nor been marked late reads as not received. */
    private static List<LedgerTaskView.Receipt> receipts(LedgerTaskView task) {
        List<String> units = new java.util.ArrayList<>(List.of(task.leadUnitId()));
        if (task.coUnitIds() != null) {
            units.addAll(task.coUnitIds());
        }
        List<LedgerTaskView.Receipt> recorded = task.receipts() == null ? List.of() : task.receipts();
        return units.stream().map(unit -> recorded.stream().filter(r -> r.unitId().equals(unit)).findFirst()
                .orElse(new LedgerTaskView.Receipt(unit, unit.equals(task.leadUnitId()), null, null, false))).toList();
    }

    @PostMapping("/tasks/{taskId}/progress")
    String reportProgress(@PathVariable String taskId, @RequestParam Map<String, String> typed,
                          @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        Form form = new Form(only(typed, PROGRESS), messages);
        Integer percent = form.percent("percent");
        String narrative = form.required("narrative", 4000);
        String milestone = form.optional("milestone", 100);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("percent", percent);
        body.put("narrative", narrative);
        if (milestone != null) {
            body.put("milestone", milestone);
        }
        return send(taskId, "progress", form, "/api/tasks/" + taskId + "/progress-reports", body, typed, me, model,
                response);
    }

    @PostMapping("/tasks/{taskId}/deadline-request")
    String requestDeadlineChange(@PathVariable String taskId, @RequestParam Map<String, String> typed,
                                 @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        Form form = new Form(only(typed, DEADLINE_REQUEST), messages);
        LocalDate proposed = form.date("proposedDueDate");
        String reason = form.required("reason", 2000);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("proposedDueDate", proposed == null ? null : proposed.toString());
        body.put("reason", reason);
        return send(taskId, "deadlineRequest", form, "/api/tasks/" + taskId + "/deadline-change-requests", body, typed,
                me, model, response);
    }

    @PostMapping("/tasks/{taskId}/deadline-decision")
    String decideDeadlineChange(@PathVariable String taskId, @RequestParam Map<String, String> typed,
                                @RequestParam String decision, @AuthenticationPrincipal SignedInPerson me, Model model,
                                HttpServletResponse response) {
        Form form = new Form(only(typed, DECISION), messages);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("approved", "approve".equals(decision));
        body.put("note", form.optional("note", 2000));
        return send(taskId, "decision", form, "/api/tasks/" + taskId + "/deadline-change-decisions", body, typed, me,
                model, response);
    }

    @PostMapping("/tasks/{taskId}/completion-claim")
    String claimCompletion(@PathVariable String taskId, @RequestParam Map<String, String> typed,
                           @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        Form form = new Form(only(typed, CLAIM), messages);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summary", form.required("summary", 4000));
        return send(taskId, "claim", form, "/api/tasks/" + taskId + "/completion-claims", body, typed, me, model,
                response);
    }

    @PostMapping("/tasks/{taskId}/completion-verification")
    String verifyCompletion(@PathVariable String taskId, @RequestParam Map<String, String> typed,
                            @RequestParam String decision, @AuthenticationPrincipal SignedInPerson me, Model model,
                            HttpServletResponse response) {
        Form form = new Form(only(typed, VERIFICATION), messages);
        Map<String, Object> body = new LinkedHashMap<>();
        String path;
        if ("verify".equals(decision)) {
            body.put("note", form.optional("note", 2000));
            path = "/api/tasks/" + taskId + "/completion-verifications";
        } else {
            body.put("reason", form.required("reason", 2000));
            path = "/api/tasks/" + taskId + "/completion-rejections";
        }
        return send(taskId, "verification", form, path, body, typed, me, model, response);
    }

    @PostMapping("/tasks/{taskId}/receipt")
    String receive(@PathVariable String taskId, @RequestParam Map<String, String> typed,
                   @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        return send(taskId, "receipt", Form.empty(messages), "/api/tasks/" + taskId + "/receipts", Map.of(),
                typed, me, model, response);
    }

    @PostMapping("/tasks/{taskId}/urging-notice")
    String issueUrgingNotice(@PathVariable String taskId, @RequestParam Map<String, String> typed,
                             @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        Form form = new Form(only(typed, URGING), messages);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", form.required("reason", 2000));
        body.put("expectation", form.required("expectation", 2000));
        LocalDate replyBy = form.date("replyBy");
        body.put("replyBy", replyBy == null ? null : replyBy.toString());
        return send(taskId, "urging", form, "/api/tasks/" + taskId + "/urging-notices", body, typed, me, model,
                response);
    }

    @PostMapping("/tasks/{taskId}/urging-reply")
    String answerUrgingNotice(@PathVariable String taskId, @RequestParam Map<String, String> typed,
                              @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        Form form = new Form(only(typed, REPLY), messages);
        String notice = form.required("noticeId", 100);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("explanation", form.required("explanation", 4000));
        body.put("measures", form.required("measures", 4000));
        body.put("percent", form.percent("percent"));
        return send(taskId, "reply", form, "/api/tasks/" + taskId + "/urging-notices/" + notice + "/replies", body,
                typed, me, model, response);
    }

    private String send(String taskId, String formName, Form form, String path, Map<String, Object> body,
                        Map<String, String> typed, SignedInPerson me, Model model, HttpServletResponse response) {
        if (form.hasErrors()) {
            response.setStatus(400);
            return page(taskId, null, me, model, formName, form);
        }
        CommandSide.Outcome outcome = commandSide.send(me, path, body, version(typed));
        if (outcome.accepted()) {
            return "redirect:/tasks/" + taskId + "?saved&minPosition=" + outcome.position();
        }
        if (outcome.signInLapsed()) {
            throw new SignInLapsedException();
        }
        form.refused(outcome);
        model.addAttribute("stale", outcome.stale());
        response.setStatus(outcome.status());
        return page(taskId, null, me, model, formName, form);
    }

    private static Long version(Map<String, String> typed) {
        try {
            String version = typed.get("version");
            return version == null || version.isBlank() ? null : Long.valueOf(version.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> only(Map<String, String> typed, String... fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            values.put(field, typed.getOrDefault(field, ""));
        }
        return values;
    }

    // 交办

    @GetMapping("/tasks/new")
    String assignForm(@AuthenticationPrincipal SignedInPerson me, Model model) {
        requireLeader(me);
        Form form = Form.empty(messages, ASSIGNMENT);
        form.getValues().put("leadLeaderId", me.personId());
        return assignPage(model, form, List.of());
    }

    @PostMapping("/tasks")
    String assign(@RequestParam Map<String, String> typed,
                  @RequestParam(name = "coUnitIds", required = false) List<String> coUnitIds,
                  @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        requireLeader(me);
        Form form = new Form(only(typed, ASSIGNMENT), messages);
        List<String> coUnits = coUnitIds == null ? List.of() : coUnitIds.stream().filter(u -> !u.isBlank()).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", form.required("title", 200));
        body.put("description", form.optional("description", 4000));
        String source = form.required("source", 60);
        if (source != null && Arrays.stream(TaskSource.values()).noneMatch(s -> s.name().equals(source))) {
            form.getErrors().put("source", messages.getMessage("field.required", null, LocaleContextHolder.getLocale()));
        }
        body.put("source", source);
        body.put("sourceReference", form.optional("sourceReference", 200));
        body.put("leadLeaderId", form.required("leadLeaderId", 100));
        body.put("leadUnitId", form.required("leadUnitId", 100));
        body.put("coUnitIds", coUnits);
        LocalDate due = form.date("dueDate");
        YearMonth month = form.month("ledgerMonth");
        body.put("dueDate", due == null ? null : due.toString());
        body.put("ledgerMonth", month == null ? null : month.toString());
        if (form.hasErrors()) {
            response.setStatus(400);
            return assignPage(model, form, coUnits);
        }
        CommandSide.Outcome outcome = commandSide.send(me, "/api/tasks", body, null);
        if (outcome.accepted()) {
            return "redirect:/tasks/" + outcome.id() + "?saved&minPosition=" + outcome.position();
        }
        if (outcome.signInLapsed()) {
            throw new SignInLapsedException();
        }
        form.refused(outcome);
        response.setStatus(outcome.status());
        return assignPage(model, form, coUnits);
    }

    private String assignPage(Model model, Form form, List<String> coUnits) {
        model.addAttribute("form", form);
        model.addAttribute("coUnits", coUnits);
        model.addAttribute("names", directory.names());
        model.addAttribute("sources", TaskSource.values());
        return "task-new";
    }

    private static void requireLeader(SignedInPerson me) {
        TaskActions.requireMayAssign(me);
    }
}
