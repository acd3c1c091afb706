package ledger.query.web.admin;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import ledger.kernel.security.Role;
import ledger.kernel.shared.LedgerException;
import ledger.query.deadletter.DeadLetters;
import ledger.query.rebuild.ViewRebuildController;
import ledger.query.web.Access;
import ledger.query.web.CommandSide;
import ledger.query.web.Directory;
import ledger.query.web.Form;
import ledger.query.web.FormPosts;
import ledger.query.web.SignInLapsedException;
import ledger.query.web.signin.SignedInPerson;
import ledger.security.UserAccount;
import ledger.security.UserAccounts;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 管理: the administrator's page. Accounts (open, disable, enable, reset the password, the new one shown once)
 * are the command side's to change, so those forms are forwarded there as the signed-in administrator; the
 * view processors (how far behind the log each is, rebuild) and the parked events (retry, evict) are this
 * service's own and are handled here, through the same services the administration API uses.
 */
@Controller
class AdminPageController {

    static final Set<Role> ADMINISTRATORS = Set.of(Role.ADMIN);
    private static final String[] OPENING = {"username", "displayName", "personId", "role", "unitId"};

    private final UserAccounts accounts;
    private final Directory directory;
    private final CommandSide commandSide;
    private final ViewRebuildController views;
    private final DeadLetters deadLetters;
    private final MessageSource messages;
    private final FormPosts forms;

    AdminPageController(UserAccounts accounts, Directory directory, CommandSide commandSide,
                        ViewRebuildController views, DeadLetters deadLetters, MessageSource messages,
                        FormPosts forms) {
        this.forms = forms;
        this.accounts = accounts;
        this.directory = directory;
        this.commandSide = commandSide;
        this.views = views;
        this.deadLetters = deadLetters;
        this.messages = messages;
    }

    @GetMapping("/admin")
    String admin(@RequestParam(required = false) String done, @RequestParam(required = false) String subject,
                 @AuthenticationPrincipal SignedInPerson me, Model model) {
        Access.require(me, ADMINISTRATORS, "Administration");
        model.addAttribute("done", done);
        model.addAttribute("doneSubject", subject);
        return page(model, Form.empty(messages, OPENING), null);
    }

    private String page(Model model, Form opening, String refusal) {
        Directory.Names names = directory.names();
        model.addAttribute("names", names);
        model.addAttribute("accounts", accounts.all().stream()
                .sorted(Comparator.comparing(UserAccount::username)).toList());
        model.addAttribute("opening", opening);
        model.addAttribute("roles", Role.SIGN_IN_ROLES);
        model.addAttribute("processors", views.processors());
        model.addAttribute("deadLetters", deadLetters.all());
        model.addAttribute("refusal", refusal);
        return "admin";
    }

    @PostMapping("/admin/accounts")
    String open(@RequestParam Map<String, String> typed, @AuthenticationPrincipal SignedInPerson me, Model model,
                HttpServletResponse response) {
        Access.require(me, ADMINISTRATORS, "Administration");
        Form form = forms.typed(typed, OPENING);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", form.required("username", 40));
        body.put("displayName", form.required("displayName", 60));
        body.put("personId", form.required("personId", 100));
        String role = form.required("role", 40);
        body.put("role", role);
        body.put("unitId", form.optional("unitId", 100));
        String password = ledger.query.web.FirstPasswords.make();
        body.put("password", password);
        if (form.hasErrors()) {
            response.setStatus(400);
            return page(model, form, null);
        }
        CommandSide.Outcome outcome = commandSide.send(me, "/api/accounts", body, null);
        if (outcome.accepted()) {
            return shownOnce(model, response, form.value("username").strip(), password, "opened");
        }
        refused(outcome);
        form.refused(outcome);
        response.setStatus(outcome.status());
        return page(model, form, null);
    }

    @PostMapping("/admin/accounts/{username}/password-reset")
    String resetPassword(@PathVariable String username, @AuthenticationPrincipal SignedInPerson me, Model model,
                         HttpServletResponse response) {
        Access.require(me, ADMINISTRATORS, "Administration");
        CommandSide.Outcome outcome = commandSide.send(me, "/api/accounts/" + username + "/password-resets",
                Map.of(), null);
        if (outcome.accepted() && outcome.body().get("password") instanceof String password) {
            return shownOnce(model, response, username, password, "reset");
        }
        return refusedPage(outcome, model, response);
    }

    @PostMapping("/admin/accounts/{username}/{change:disablement|enablement}")
    String enableOrDisable(@PathVariable String username, @PathVariable String change,
                           @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response,
                           RedirectAttributes redirect) {
        Access.require(me, ADMINISTRATORS, "Administration");
        CommandSide.Outcome outcome = commandSide.send(me, "/api/accounts/" + username + "/" + change, Map.of(), null);
        if (outcome.accepted()) {
            redirect.addAttribute("done", change);
            redirect.addAttribute("subject", username);
            return "redirect:/admin#accounts";
        }
        return refusedPage(outcome, model, response);
    }

    @PostMapping("/admin/processors/{name}/rebuild")
    String rebuild(@PathVariable String name, @AuthenticationPrincipal SignedInPerson me, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        Access.require(me, ADMINISTRATORS, "Administration");
        try {
            views.rebuild(name);
        } catch (LedgerException refused) {
            // the 409 of the API: another instance holds a segment, or the view cannot be reset; said in Chinese
            response.setStatus(refused.code().name().startsWith("UNKNOWN_") ? 404 : 409);
            model.addAttribute("rebuildRefused", name);
            return page(model, Form.empty(messages, OPENING), refused.code().name());
        }
        redirect.addAttribute("done", "rebuild");
        redirect.addAttribute("subject", name);
        return "redirect:/admin#processors";
    }

    @PostMapping("/admin/dead-letters/{group}/retries")
    String retry(@PathVariable String group, @RequestParam(required = false) String sequence,
                 @AuthenticationPrincipal SignedInPerson me, Model model) {
        Access.require(me, ADMINISTRATORS, "Administration");
        model.addAttribute("retry", deadLetters.retry(group, sequence == null || sequence.isBlank() ? null : sequence));
        return page(model, Form.empty(messages, OPENING), null);
    }

    @PostMapping("/admin/dead-letters/{group}/{sequence}/eviction")
    String evict(@PathVariable String group, @PathVariable String sequence, @AuthenticationPrincipal SignedInPerson me,
                 RedirectAttributes redirect) {
        Access.require(me, ADMINISTRATORS, "Administration");
        deadLetters.evictSequence(group, sequence);
        redirect.addAttribute("done", "evicted");
        redirect.addAttribute("subject", sequence);
        return "redirect:/admin#dead-letters";
    }

    /** The new password, on this answer only: never stored here, never in a redirect or a log. */
    private static String shownOnce(Model model, HttpServletResponse response, String username, String password,
                                    String what) {
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        model.addAttribute("username", username);
        model.addAttribute("password", password);
        model.addAttribute("what", what);
        return "admin-password";
    }

    private String refusedPage(CommandSide.Outcome outcome, Model model, HttpServletResponse response) {
        refused(outcome);
        response.setStatus(outcome.status());
        return page(model, Form.empty(messages, OPENING), outcome.code() == null ? "UNKNOWN" : outcome.code());
    }

    private static void refused(CommandSide.Outcome outcome) {
        if (outcome.signInLapsed()) {
            throw new SignInLapsedException();
        }
    }
}
