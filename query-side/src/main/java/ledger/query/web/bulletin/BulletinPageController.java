package ledger.query.web.bulletin;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import ledger.kernel.bulletin.EntryKind;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.audit.EvidencePackages;
import ledger.query.bulletin.BulletinReader;
import ledger.query.bulletin.BulletinView;
import ledger.query.web.CommandSide;
import ledger.query.web.Directory;
import ledger.query.web.EvidencePicker;
import ledger.query.web.Form;
import ledger.query.web.SignInLapsedException;
import ledger.query.web.VerificationCode;
import ledger.query.web.signin.SignedInPerson;
import ledger.web.RequestFields;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 督查通报: the month's bulletins; the supervision group drafts one, fills it with entries that name units,
 * cadres and tasks picked from lists and attach events picked from those tasks' timelines, signs it off
 * (three members), publishes it and adds errata beside its entries. Everyone reads the published bulletin,
 * prints it (A4, with its verification code) and downloads its evidence package.
 */
@Controller
class BulletinPageController {

    private static final String[] ENTRY = {"kind", "text"};
    private static final String[] ERRATUM = {"entryId", "correction", "reason"};

    private final BulletinReader bulletins;
    private final EvidencePackages packages;
    private final EvidencePicker evidence;
    private final Directory directory;
    private final CommandSide commandSide;
    private final MessageSource messages;

    BulletinPageController(BulletinReader bulletins, EvidencePackages packages, EvidencePicker evidence,
                           Directory directory, CommandSide commandSide, MessageSource messages) {
        this.bulletins = bulletins;
        this.packages = packages;
        this.evidence = evidence;
        this.directory = directory;
        this.commandSide = commandSide;
        this.messages = messages;
    }

    @GetMapping("/bulletins")
    String list(@RequestParam(required = false) Long minPosition, @AuthenticationPrincipal SignedInPerson me,
                Model model) {
        model.addAttribute("bulletins", bulletins.list(me.role(), minPosition));
        model.addAttribute("drafts", BulletinActions.drafts(me.role()));
        model.addAttribute("form", Form.empty(messages, "month"));
        return "bulletins";
    }

    @PostMapping("/bulletins")
    String draft(@RequestParam Map<String, String> typed, @AuthenticationPrincipal SignedInPerson me, Model model,
                 HttpServletResponse response) {
        Form form = new Form(Map.of("month", typed.getOrDefault("month", "")), messages);
        YearMonth month = form.month("month");
        if (!form.hasErrors()) {
            CommandSide.Outcome outcome = commandSide.send(me, "/api/bulletins", Map.of("month", month.toString()), null);
            if (outcome.accepted()) {
                return "redirect:/bulletins/" + month + "?saved&minPosition=" + outcome.position();
            }
            refused(outcome, form, response);
        } else {
            response.setStatus(400);
        }
        model.addAttribute("bulletins", bulletins.list(me.role(), null));
        model.addAttribute("drafts", BulletinActions.drafts(me.role()));
        model.addAttribute("form", form);
        return "bulletins";
    }

    @GetMapping("/bulletins/{month}")
    String bulletin(@PathVariable String month, @RequestParam(required = false) Long minPosition,
                    @RequestParam(required = false) String saved, @AuthenticationPrincipal SignedInPerson me,
                    Model model) {
        model.addAttribute("saved", saved != null);
        return page(RequestFields.month(month), minPosition, me, model, null, null, Picked.NONE);
    }

    private String page(YearMonth month, Long minPosition, SignedInPerson me, Model model, String formName, Form form,
                        Picked picked) {
        BulletinView view = bulletins.month(month, me.role(), minPosition);
        model.addAttribute("month", month);
        model.addAttribute("bulletin", view);
        model.addAttribute("names", directory.names());
        model.addAttribute("actions", BulletinActions.of(me.role(), view));
        model.addAttribute("members", Role.SUPERVISION_GROUP);
        model.addAttribute("kinds", EntryKind.values());
        List<EvidencePicker.Picker> pickers = evidence.of(month, List.of(taskIdsOf(view), picked.taskIds()));
        model.addAttribute("shown", pickers.get(0));
        model.addAttribute("picker", pickers.get(1));
        model.addAttribute("picked", picked);
        Map<String, Form> forms = new LinkedHashMap<>();
        forms.put("entry", Form.empty(messages, ENTRY));
        forms.put("erratum", Form.empty(messages, ERRATUM));
        forms.put("sign", Form.empty(messages));
        forms.put("publish", Form.empty(messages));
        if (formName != null) {
            forms.put(formName, form);
        }
        model.addAttribute("forms", forms);
        return "bulletin";
    }

    private static Set<String> taskIdsOf(BulletinView view) {
        Set<String> ids = new LinkedHashSet<>();
        view.entries().forEach(entry -> ids.addAll(entry.taskIds()));
        return ids;
    }

    /**
     * Adds an entry, or (the "list their events" button) shows the timelines of the tasks picked so far, so
     * their events can be ticked as evidence, keeping what was typed.
     */
    @PostMapping("/bulletins/{month}/entries")
    String addEntry(@PathVariable String month, @RequestParam Map<String, String> typed,
                    @RequestParam(name = "unitIds", required = false) List<String> unitIds,
                    @RequestParam(name = "cadreIds", required = false) List<String> cadreIds,
                    @RequestParam(name = "taskIds", required = false) List<String> taskIds,
                    @RequestParam(name = "evidenceEventIds", required = false) List<String> eventIds,
                    @RequestParam(required = false) String step, @AuthenticationPrincipal SignedInPerson me,
                    Model model, HttpServletResponse response) {
        YearMonth of = RequestFields.month(month);
        Form form = Form.of(typed, messages, ENTRY);
        Picked picked = Picked.of(unitIds, cadreIds, taskIds, eventIds);
        if ("evidence".equals(step)) {
            return page(of, null, me, model, "entry", form, picked);
        }
        String kind = form.required("kind", 20);
        if (kind != null && java.util.Arrays.stream(EntryKind.values()).noneMatch(k -> k.name().equals(kind))) {
            form.getErrors().put("kind", text("field.required"));
        }
        String entryText = form.required("text", 4000);
        if (kind != null && !EntryKind.PROGRESS.name().equals(kind) && picked.unitIds().isEmpty()
                && picked.cadreIds().isEmpty() && picked.taskIds().isEmpty()) {
            form.getErrors().put("names", text("bulletin.entry.namesRequired"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("text", entryText);
        body.put("unitIds", picked.unitIds());
        body.put("cadreIds", picked.cadreIds());
        body.put("taskIds", picked.taskIds());
        body.put("evidenceEventIds", picked.evidenceEventIds());
        return send(of, "entry", form, picked, "/api/bulletins/" + of + "/entries", body, me, model, response);
    }

    @PostMapping("/bulletins/{month}/sign-offs")
    String sign(@PathVariable String month, @AuthenticationPrincipal SignedInPerson me, Model model,
                HttpServletResponse response) {
        YearMonth of = RequestFields.month(month);
        return send(of, "sign", Form.empty(messages), Picked.NONE, "/api/bulletins/" + of + "/sign-offs", Map.of(), me,
                model, response);
    }

    @PostMapping("/bulletins/{month}/publication")
    String publish(@PathVariable String month, @AuthenticationPrincipal SignedInPerson me, Model model,
                   HttpServletResponse response) {
        YearMonth of = RequestFields.month(month);
        return send(of, "publish", Form.empty(messages), Picked.NONE, "/api/bulletins/" + of + "/publication",
                Map.of(), me, model, response);
    }

    @PostMapping("/bulletins/{month}/errata")
    String erratum(@PathVariable String month, @RequestParam Map<String, String> typed,
                   @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        YearMonth of = RequestFields.month(month);
        Form form = Form.of(typed, messages, ERRATUM);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entryId", form.required("entryId", 100));
        body.put("correction", form.required("correction", 4000));
        body.put("reason", form.required("reason", 2000));
        return send(of, "erratum", form, Picked.NONE, "/api/bulletins/" + of + "/errata", body, me, model, response);
    }

    private String send(YearMonth month, String formName, Form form, Picked picked, String path,
                        Map<String, Object> body, SignedInPerson me, Model model, HttpServletResponse response) {
        if (form.hasErrors()) {
            response.setStatus(400);
            return page(month, null, me, model, formName, form, picked);
        }
        CommandSide.Outcome outcome = commandSide.send(me, path, body, null);
        if (outcome.accepted()) {
            return "redirect:/bulletins/" + month + "?saved&minPosition=" + outcome.position();
        }
        refused(outcome, form, response);
        return page(month, null, me, model, formName, form, picked);
    }

    private static void refused(CommandSide.Outcome outcome, Form form, HttpServletResponse response) {
        if (outcome.signInLapsed()) {
            throw new SignInLapsedException();
        }
        form.refused(outcome);
        response.setStatus(outcome.status());
    }

    /** The published bulletin as the bureau files it: A4, in Chinese, with its verification code at the foot. */
    @GetMapping("/bulletins/{month}/print")
    String print(@PathVariable String month, @AuthenticationPrincipal SignedInPerson me, Model model) {
        YearMonth of = RequestFields.month(month);
        BulletinView view = published(of, me);
        model.addAttribute("month", of);
        model.addAttribute("bulletin", view);
        model.addAttribute("names", directory.names());
        model.addAttribute("members", Role.SUPERVISION_GROUP);
        model.addAttribute("kinds", EntryKind.values());
        model.addAttribute("shown", evidence.of(of, taskIdsOf(view)));
        VerificationCode code = null;
        try {
            code = VerificationCode.of(packages.forBulletin(of));
        } catch (LedgerException e) {
            if (e.code() != ErrorCode.EVIDENCE_NOT_YET_CHECKPOINTED) {
                throw e;
            }
            // the page says the code follows at the next checkpoint, rather than print none silently
        }
        model.addAttribute("code", code);
        return "bulletin-print";
    }

    @GetMapping("/bulletins/{month}/evidence")
    ResponseEntity<String> evidencePackage(@PathVariable String month, @AuthenticationPrincipal SignedInPerson me) {
        YearMonth of = RequestFields.month(month);
        published(of, me);
        return EvidencePackages.download(packages.forBulletin(of), EvidencePackages.bulletinFileName(of));
    }

    private BulletinView published(YearMonth month, SignedInPerson me) {
        BulletinView view = bulletins.month(month, me.role(), null);
        if (!BulletinView.PUBLISHED.equals(view.status())) {
            // a draft is not printed or packaged: it is not yet what the bureau files
            throw new LedgerException(ErrorCode.UNKNOWN_RESOURCE, "The bulletin of " + month + " is a draft");
        }
        return view;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }
}
