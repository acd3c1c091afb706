package ledger.query.web.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import ledger.kernel.organisation.AssessmentGrade;
import ledger.kernel.organisation.AssessmentKind;
import ledger.query.cadre.CadreRecordView;
import ledger.query.web.CommandSide;
import ledger.query.web.Directory;
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
 * 考核: the regular and annual assessments of every cadre, a correction of a grade asked for with a reason and
 * approved by a second person (the requester never sees an approve button on their own request); the grade
 * first given stays beside the corrected one.
 */
@Controller
class AssessmentPageController {

    static final String[] ASSESSMENT = {"cadreId", "kind", "period", "grade", "periodEnd"};
    static final String[] CORRECTION = {"cadreId", "assessmentId", "newGrade", "reason"};

    /** One assessment as the page lists it, with what the signed-in person may do with it. */
    record Row(CadreRecordView cadre, CadreRecordView.AssessmentItem assessment, boolean approve, boolean request) {
    }

    private final Organisation organisation;
    private final Directory directory;
    private final FormPosts posts;

    AssessmentPageController(Organisation organisation, Directory directory, FormPosts posts) {
        this.organisation = organisation;
        this.directory = directory;
        this.posts = posts;
    }

    @GetMapping("/organisation/assessments")
    String page(@RequestParam(required = false) Long minPosition, @RequestParam(required = false) String saved,
                @AuthenticationPrincipal SignedInPerson me, Model model) {
        model.addAttribute("saved", saved);
        return page(me, model, minPosition, null, null);
    }

    private String page(SignedInPerson me, Model model, Long minPosition, String formName, Form form) {
        OrganisationActions.requireReader(me);
        List<CadreRecordView> cadres = organisation.cadres(minPosition);
        List<Row> rows = new ArrayList<>();
        for (CadreRecordView cadre : cadres) {
            for (CadreRecordView.AssessmentItem a : cadre.assessments()) {
                rows.add(new Row(cadre, a, OrganisationActions.approve(me, cadre.cadreId(), a),
                        OrganisationActions.requestCorrection(me, cadre.cadreId(), a)));
            }
        }
        // the latest periods first; within a period, by the cadre's name (the list is by name already)
        rows.sort(Comparator.comparing((Row r) -> r.assessment().periodEnd()).reversed());
        model.addAttribute("rows", rows);
        model.addAttribute("names", directory.names());
        model.addAttribute("unitNames", OrganisationPageController.unitNames(organisation.units(null)));
        model.addAttribute("serving", Organisation.serving(cadres).stream()
                .filter(c -> !c.cadreId().equals(me.personId())).toList());
        model.addAttribute("kinds", AssessmentKind.values());
        model.addAttribute("grades", AssessmentGrade.values());
        model.addAttribute("canRecord", OrganisationActions.records(me));
        Map<String, Form> forms = new LinkedHashMap<>();
        forms.put("assessment", posts.empty(ASSESSMENT));
        forms.put("correction", posts.empty(CORRECTION));
        if (formName != null) {
            forms.put(formName, form);
        }
        model.addAttribute("forms", forms);
        return "organisation-assessments";
    }

    @PostMapping("/organisation/assessments")
    String record(@RequestParam Map<String, String> typed, @AuthenticationPrincipal SignedInPerson me, Model model,
                  HttpServletResponse response) {
        OrganisationActions.requireReader(me);
        Form form = posts.typed(typed, ASSESSMENT);
        String cadreId = form.required("cadreId", 100);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", form.required("kind", 20));
        body.put("period", form.required("period", 20));
        body.put("grade", form.required("grade", 30));
        body.put("periodEnd", form.date("periodEnd"));
        return sent(me, form, "assessment", "/api/cadres/" + cadreId + "/assessments", body, model, response);
    }

    @PostMapping("/organisation/assessment-corrections")
    String requestCorrection(@RequestParam Map<String, String> typed, @AuthenticationPrincipal SignedInPerson me,
                             Model model, HttpServletResponse response) {
        OrganisationActions.requireReader(me);
        Form form = posts.typed(typed, CORRECTION);
        String cadreId = form.required("cadreId", 100);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assessmentId", form.required("assessmentId", 100));
        body.put("newGrade", form.required("newGrade", 30));
        body.put("reason", form.required("reason", 2000));
        return sent(me, form, "correction", "/api/cadres/" + cadreId + "/assessment-corrections", body, model,
                response);
    }

    @PostMapping("/organisation/assessment-approvals")
    String approve(@RequestParam Map<String, String> typed, @AuthenticationPrincipal SignedInPerson me, Model model,
                   HttpServletResponse response) {
        OrganisationActions.requireReader(me);
        Form form = posts.typed(typed, CORRECTION);
        String cadreId = form.required("cadreId", 100);
        String assessmentId = form.required("assessmentId", 100);
        return sent(me, form, "correction", "/api/cadres/" + cadreId + "/assessment-correction-approvals",
                Map.of("assessmentId", assessmentId == null ? "" : assessmentId), model, response, "approval");
    }

    private String sent(SignedInPerson me, Form form, String formName, String path, Map<String, Object> body,
                        Model model, HttpServletResponse response) {
        return sent(me, form, formName, path, body, model, response, formName);
    }

    private String sent(SignedInPerson me, Form form, String formName, String path, Map<String, Object> body,
                        Model model, HttpServletResponse response, String saved) {
        CommandSide.Outcome outcome = posts.send(me, form, path, body, response);
        if (outcome == null) {
            return page(me, model, null, formName, form);
        }
        return "redirect:/organisation/assessments?saved=" + saved + "&minPosition=" + outcome.position();
    }
}
