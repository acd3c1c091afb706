package ledger.query.web.score;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.evaluation.ScoreReader;
import ledger.query.evaluation.ScoreView;
import ledger.query.web.CommandSide;
import ledger.query.web.Directory;
import ledger.query.web.EvidencePicker;
import ledger.query.web.Form;
import ledger.query.web.SignInLapsedException;
import ledger.query.web.signin.SignedInPerson;
import ledger.web.RequestFields;
import org.springframework.beans.factory.annotation.Value;
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
 * 评分: a month's supervision scores of units and cadres on the configured dimensions and scale, with the
 * rationale and evidence events picked from the month's tasks; a correction is asked for with a reason and a
 * second member approves it; the value first given stays beside the value now.
 */
@Controller
class ScorePageController {

    private static final String[] SCORE = {"subject", "dimension", "value", "rationale"};
    private static final String[] CORRECTION = {"scoreId", "newValue", "reason"};

    private final ScoreReader scores;
    private final EvidencePicker evidence;
    private final Directory directory;
    private final CommandSide commandSide;
    private final MessageSource messages;
    private final List<String> dimensions;
    private final int scaleMin;
    private final int scaleMax;

    ScorePageController(ScoreReader scores, EvidencePicker evidence, Directory directory, CommandSide commandSide,
                        MessageSource messages, @Value("${ledger.evaluation.dimensions}") List<String> dimensions,
                        @Value("${ledger.evaluation.scale-min}") int scaleMin,
                        @Value("${ledger.evaluation.scale-max}") int scaleMax) {
        this.scores = scores;
        this.evidence = evidence;
        this.directory = directory;
        this.commandSide = commandSide;
        this.messages = messages;
        this.dimensions = List.copyOf(dimensions);
        this.scaleMin = scaleMin;
        this.scaleMax = scaleMax;
    }

    @GetMapping("/scores")
    String thisMonth(@AuthenticationPrincipal SignedInPerson me, Model model) {
        return "redirect:/scores/" + model.getAttribute("thisMonth");
    }

    @GetMapping("/scores/{month}")
    String month(@PathVariable String month, @RequestParam(required = false) Long minPosition,
                 @RequestParam(required = false) String saved, @AuthenticationPrincipal SignedInPerson me, Model model) {
        model.addAttribute("saved", saved != null);
        return page(RequestFields.month(month), minPosition, me, model, null, null, List.of(), List.of());
    }

    private String page(YearMonth month, Long minPosition, SignedInPerson me, Model model, String formName, Form form,
                        List<String> taskIds, List<String> eventIds) {
        requireReader(me);
        List<ScoreView> list = scores.month(month, minPosition);
        model.addAttribute("month", month);
        model.addAttribute("scores", list);
        model.addAttribute("names", directory.names());
        model.addAttribute("canScore", ScoreActions.scores(me));
        Map<String, Boolean> approve = new LinkedHashMap<>();
        Map<String, Boolean> request = new LinkedHashMap<>();
        for (ScoreView score : list) {
            approve.put(score.scoreId(), ScoreActions.approve(me, score));
            request.put(score.scoreId(), ScoreActions.requestCorrection(me, score));
        }
        model.addAttribute("approve", approve);
        model.addAttribute("request", request);
        model.addAttribute("dimensions", dimensions);
        model.addAttribute("scaleMin", scaleMin);
        model.addAttribute("scaleMax", scaleMax);
        model.addAttribute("picker", evidence.of(month, taskIds));
        model.addAttribute("pickedTasks", taskIds);
        model.addAttribute("pickedEvents", eventIds);
        Map<String, Form> forms = new LinkedHashMap<>();
        forms.put("score", Form.empty(messages, SCORE));
        forms.put("correction", Form.empty(messages, CORRECTION));
        if (formName != null) {
            forms.put(formName, form);
        }
        model.addAttribute("forms", forms);
        return "scores";
    }

    @PostMapping("/scores/{month}")
    String record(@PathVariable String month, @RequestParam Map<String, String> typed,
                  @RequestParam(name = "taskIds", required = false) List<String> taskIds,
                  @RequestParam(name = "evidenceEventIds", required = false) List<String> eventIds,
                  @RequestParam(required = false) String step, @AuthenticationPrincipal SignedInPerson me, Model model,
                  HttpServletResponse response) {
        YearMonth of = RequestFields.month(month);
        Form form = Form.of(typed, messages, SCORE);
        List<String> tasks = clean(taskIds);
        List<String> events = clean(eventIds);
        if ("evidence".equals(step)) {
            return page(of, null, me, model, "score", form, tasks, events);
        }
        String subject = form.required("subject", 200);
        String[] kindAndId = subject == null ? null : subject.split(":", 2);
        if (kindAndId != null && (kindAndId.length != 2 || !Set.of("UNIT", "CADRE").contains(kindAndId[0]))) {
            form.getErrors().put("subject", text("field.required"));
        }
        String dimension = form.required("dimension", 60);
        if (dimension != null && !dimensions.contains(dimension)) {
            form.getErrors().put("dimension", text("field.required"));
        }
        Integer value = form.between("value", scaleMin, scaleMax);
        String rationale = form.required("rationale", 4000);
        if (form.hasErrors()) {
            response.setStatus(400);
            return page(of, null, me, model, "score", form, tasks, events);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("month", of.toString());
        body.put("subjectKind", kindAndId[0]);
        body.put("subjectId", kindAndId[1]);
        body.put("dimension", dimension);
        body.put("scaleMin", scaleMin);
        body.put("scaleMax", scaleMax);
        body.put("value", value);
        body.put("rationale", rationale);
        body.put("evidenceEventIds", events);
        return send(of, "score", form, "/api/scores", body, me, model, response, tasks, events);
    }

    @PostMapping("/scores/{month}/correction-requests")
    String requestCorrection(@PathVariable String month, @RequestParam Map<String, String> typed,
                             @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        YearMonth of = RequestFields.month(month);
        Form form = Form.of(typed, messages, CORRECTION);
        String scoreId = form.required("scoreId", 100);
        ScoreView score = scoreId == null ? null : scores.score(scoreId);
        Integer newValue = score == null ? null : form.between("newValue", score.scaleMin(), score.scaleMax());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("newValue", newValue);
        body.put("reason", form.required("reason", 2000));
        if (form.hasErrors()) {
            response.setStatus(400);
            return page(of, null, me, model, "correction", form, List.of(), List.of());
        }
        return send(of, "correction", form, "/api/scores/" + scoreId + "/correction-requests", body, me, model,
                response, List.of(), List.of());
    }

    @PostMapping("/scores/{month}/correction-approvals")
    String approve(@PathVariable String month, @RequestParam String scoreId, @AuthenticationPrincipal SignedInPerson me,
                   Model model, HttpServletResponse response) {
        YearMonth of = RequestFields.month(month);
        Form form = Form.of(Map.of("scoreId", scoreId), messages, "scoreId");
        scores.score(scoreId);
        return send(of, "correction", form, "/api/scores/" + scoreId + "/correction-approvals", Map.of(), me, model,
                response, List.of(), List.of());
    }

    private String send(YearMonth month, String formName, Form form, String path, Map<String, Object> body,
                        SignedInPerson me, Model model, HttpServletResponse response, List<String> tasks,
                        List<String> events) {
        requireReader(me);
        CommandSide.Outcome outcome = commandSide.send(me, path, body, null);
        if (outcome.accepted()) {
            return "redirect:/scores/" + month + "?saved&minPosition=" + outcome.position();
        }
        if (outcome.signInLapsed()) {
            throw new SignInLapsedException();
        }
        form.refused(outcome);
        response.setStatus(outcome.status());
        return page(month, null, me, model, formName, form, tasks, events);
    }

    private static void requireReader(SignedInPerson me) {
        if (!ScoreActions.reads(me.role())) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "Scores are kept by the supervision group");
        }
    }

    private static List<String> clean(List<String> ids) {
        return ids == null ? List.of() : ids.stream().filter(id -> !id.isBlank()).distinct().toList();
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
