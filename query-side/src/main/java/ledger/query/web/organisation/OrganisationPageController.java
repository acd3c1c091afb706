package ledger.query.web.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import ledger.kernel.shared.BureauTime;
import ledger.query.cadre.CadreRecordView;
import ledger.query.unit.UnitRecordView;
import ledger.query.web.CommandSide;
import ledger.query.web.Form;
import ledger.query.web.FormPosts;
import ledger.query.web.signin.SignedInPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 组织与人事: the units by kind with their head and cadres, every cadre with their posting, and the personnel
 * office's forms to register a cadre, transfer one and record a bureau leader's appointment with the areas in
 * charge. Every unit and cadre is picked from a list; the new cadre's id is made here, never typed.
 */
@Controller
class OrganisationPageController {

    static final String[] REGISTER = {"name", "unitId", "position", "partyMember", "since"};
    static final String[] TRANSFER = {"cadreId", "toUnitId", "position", "effectiveOn", "reason"};
    static final String[] LEADER = {"cadreId", "title", "areasInCharge", "inChargeOfPersonnel", "effectiveOn"};

    private final Organisation organisation;
    private final FormPosts posts;
    private final Clock clock;

    OrganisationPageController(Organisation organisation, FormPosts posts, Clock clock) {
        this.organisation = organisation;
        this.posts = posts;
        this.clock = clock;
    }

    @GetMapping("/organisation")
    String page(@RequestParam(required = false) Long minPosition, @RequestParam(required = false) String saved,
                @AuthenticationPrincipal SignedInPerson me, Model model) {
        model.addAttribute("saved", saved);
        return page(me, model, minPosition, null, null);
    }

    private String page(SignedInPerson me, Model model, Long minPosition, String formName, Form form) {
        OrganisationActions.requireReader(me);
        List<CadreRecordView> cadres = organisation.cadres(minPosition);
        List<UnitRecordView> units = organisation.units(null);
        Map<String, String> unitNames = unitNames(units);
        model.addAttribute("groups", organisation.byGroup(units, cadres, BureauTime.dayOf(clock.instant())));
        model.addAttribute("cadres", cadres);
        model.addAttribute("serving", Organisation.serving(cadres));
        model.addAttribute("units", units);
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("canRecord", OrganisationActions.records(me));
        Map<String, Form> forms = new LinkedHashMap<>();
        forms.put("register", posts.empty(REGISTER));
        forms.put("transfer", posts.empty(TRANSFER));
        forms.put("leader", posts.empty(LEADER));
        if (formName != null) {
            forms.put(formName, form);
        }
        model.addAttribute("forms", forms);
        return "organisation-units";
    }

    @PostMapping("/organisation/cadres")
    String register(@RequestParam Map<String, String> typed, @AuthenticationPrincipal SignedInPerson me, Model model,
                    HttpServletResponse response) {
        OrganisationActions.requireReader(me);
        Form form = posts.typed(typed, REGISTER);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cadreId", "cadre-" + UUID.randomUUID());
        body.put("name", form.required("name", 40));
        body.put("unitId", form.required("unitId", 100));
        body.put("position", form.required("position", 60));
        body.put("partyMember", "true".equals(form.value("partyMember")));
        body.put("since", form.date("since"));
        return sent(me, form, "register", "/api/cadres", body, model, response);
    }

    @PostMapping("/organisation/transfers")
    String transfer(@RequestParam Map<String, String> typed, @AuthenticationPrincipal SignedInPerson me, Model model,
                    HttpServletResponse response) {
        OrganisationActions.requireReader(me);
        Form form = posts.typed(typed, TRANSFER);
        String cadreId = form.required("cadreId", 100);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("toUnitId", form.required("toUnitId", 100));
        body.put("position", form.required("position", 60));
        body.put("effectiveOn", form.date("effectiveOn"));
        body.put("reason", form.required("reason", 1000));
        return sent(me, form, "transfer", "/api/cadres/" + cadreId + "/transfers", body, model, response);
    }

    @PostMapping("/organisation/leader-appointments")
    String appointLeader(@RequestParam Map<String, String> typed, @AuthenticationPrincipal SignedInPerson me,
                         Model model, HttpServletResponse response) {
        OrganisationActions.requireReader(me);
        Form form = posts.typed(typed, LEADER);
        String cadreId = form.required("cadreId", 100);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", form.required("title", 40));
        String areas = form.required("areasInCharge", 2000);
        body.put("areasInCharge", areas == null ? List.of() : areas(areas));
        body.put("inChargeOfPersonnel", "true".equals(form.value("inChargeOfPersonnel")));
        body.put("effectiveOn", form.date("effectiveOn"));
        return sent(me, form, "leader", "/api/cadres/" + cadreId + "/leader-appointments", body, model, response);
    }

    static Map<String, String> unitNames(List<UnitRecordView> units) {
        Map<String, String> names = new LinkedHashMap<>();
        units.forEach(u -> names.put(u.unitId(), u.name()));
        return names;
    }

    /** Areas in charge, one a line or separated by 、，, as people write them. */
    static List<String> areas(String typed) {
        return Arrays.stream(typed.split("[\\n、，,;；]")).map(String::strip).filter(a -> !a.isEmpty()).distinct()
                .toList();
    }

    private String sent(SignedInPerson me, Form form, String formName, String path, Map<String, Object> body,
                        Model model, HttpServletResponse response) {
        CommandSide.Outcome outcome = posts.send(me, form, path, body, response);
        if (outcome == null) {
            return page(me, model, null, formName, form);
        }
        return "redirect:/organisation?saved=" + formName + "&minPosition=" + outcome.position();
    }
}
