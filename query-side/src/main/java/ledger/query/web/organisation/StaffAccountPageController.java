package ledger.query.web.organisation;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import ledger.kernel.security.Role;
import ledger.query.cadre.CadreRecordView;
import ledger.query.web.CommandSide;
import ledger.query.web.Directory;
import ledger.query.web.FirstPasswords;
import ledger.query.web.Form;
import ledger.query.web.FormPosts;
import ledger.query.web.signin.SignedInPerson;
import ledger.security.UserAccount;
import ledger.security.UserAccounts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 工作人员账号: the personnel office opens accounts for the recorded cadres of the units, in the roles it may
 * give. The person is picked from the cadre list, so the account's unit and name are the recorded ones; the
 * command side checks that the role rests on the recorded facts. The first password is shown once.
 */
@Controller
class StaffAccountPageController {

    static final String[] OPENING = {"cadreId", "role", "username"};

    private final UserAccounts accounts;
    private final Organisation organisation;
    private final Directory directory;
    private final FormPosts posts;
    private final MessageSource messages;

    StaffAccountPageController(UserAccounts accounts, Organisation organisation, Directory directory, FormPosts posts,
                               MessageSource messages) {
        this.accounts = accounts;
        this.organisation = organisation;
        this.directory = directory;
        this.posts = posts;
        this.messages = messages;
    }

    @GetMapping("/organisation/accounts")
    String page(@AuthenticationPrincipal SignedInPerson me, Model model) {
        return page(me, model, posts.empty(OPENING));
    }

    private String page(SignedInPerson me, Model model, Form form) {
        OrganisationActions.requireAccountOpener(me);
        Set<Role> grants = OrganisationActions.grants(me);
        List<UserAccount> list = accounts.all().stream().filter(a -> grants.contains(a.role()))
                .sorted(Comparator.comparing(UserAccount::username)).toList();
        List<CadreRecordView> cadres = Organisation.serving(organisation.cadres(null)).stream()
                .filter(c -> !c.cadreId().equals(me.personId())).toList();
        model.addAttribute("accounts", list);
        model.addAttribute("names", directory.names());
        model.addAttribute("unitNames", OrganisationPageController.unitNames(organisation.units(null)));
        model.addAttribute("serving", cadres);
        model.addAttribute("grants", grants);
        model.addAttribute("form", form);
        return "organisation-accounts";
    }

    @PostMapping("/organisation/accounts")
    String open(@RequestParam Map<String, String> typed, @AuthenticationPrincipal SignedInPerson me, Model model,
                HttpServletResponse response) {
        OrganisationActions.requireAccountOpener(me);
        Form form = posts.typed(typed, OPENING);
        String cadreId = form.required("cadreId", 100);
        CadreRecordView cadre = cadreId == null ? null : organisation.cadre(cadreId);
        if (cadreId != null && cadre == null) {
            form.getErrors().put("cadreId", messages.getMessage("org.field.cadre.unknown", null,
                    LocaleContextHolder.getLocale()));
        }
        String password = FirstPasswords.make();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", form.required("username", 40));
        body.put("role", form.required("role", 40));
        body.put("personId", cadreId);
        body.put("unitId", cadre == null ? null : cadre.unitId());
        body.put("displayName", cadre == null ? null : cadre.name());
        body.put("password", password);
        CommandSide.Outcome outcome = posts.send(me, form, "/api/accounts", body, response);
        if (outcome == null) {
            return page(me, model, form);
        }
        // the new password, on this answer only: never stored here, never in a redirect or a log
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        model.addAttribute("username", form.value("username").strip());
        model.addAttribute("person", cadre.name());
        model.addAttribute("password", password);
        return "organisation-password";
    }
}
