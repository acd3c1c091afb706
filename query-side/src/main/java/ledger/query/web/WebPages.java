package ledger.query.web;

import java.time.Clock;
import java.time.YearMonth;

import jakarta.servlet.http.HttpServletResponse;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.shared.LedgerException;
import ledger.query.web.signin.SignedInPerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page of the web application shows (who is signed in, this month) and how its errors look. */
@ControllerAdvice(basePackages = "ledger.query.web")
class WebPages {

    private static final Logger log = LoggerFactory.getLogger(WebPages.class);

    private final Clock clock;

    WebPages(Clock clock) {
        this.clock = clock;
    }

    @ModelAttribute("me")
    SignedInPerson me(@AuthenticationPrincipal Object principal) {
        return principal instanceof SignedInPerson person ? person : null;
    }

    @ModelAttribute("thisMonth")
    YearMonth thisMonth() {
        return YearMonth.from(BureauTime.dayOf(clock.instant()));
    }

    /**
     * An exception handler's model is a fresh one without the {@code @ModelAttribute}s above, so the error
     * page is given who is signed in (for the navigation) here.
     */
    private static void signedIn(Model model) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute("me", authentication != null
                && authentication.getPrincipal() instanceof SignedInPerson person ? person : null);
    }

    @ExceptionHandler(LedgerException.class)
    String refused(LedgerException e, Model model, HttpServletResponse response) {
        signedIn(model);
        boolean notFound = e.code().name().startsWith("UNKNOWN_");
        response.setStatus(notFound ? 404 : e.code().name().equals("NOT_PERMITTED") ? 403 : 409);
        model.addAttribute("problemCode", e.code().name());
        model.addAttribute("messageKey", notFound ? "error.notFound" : null);
        return "error-page";
    }

    @ExceptionHandler(ledger.kernel.shared.InvalidMessageException.class)
    String invalid(ledger.kernel.shared.InvalidMessageException e, Model model, HttpServletResponse response) {
        signedIn(model);
        response.setStatus(400);
        model.addAttribute("problemCode", "INVALID_INPUT");
        model.addAttribute("invalidDetail", e.getMessage());
        return "error-page";
    }

    /** The command side no longer takes this person's sign-in (expired, password changed, disabled). */
    @ExceptionHandler(SignInLapsedException.class)
    String lapsed(jakarta.servlet.http.HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/login?expired";
    }

    @ExceptionHandler(RuntimeException.class)
    String failed(RuntimeException e, Model model, HttpServletResponse response) {
        log.error("A page failed", e);
        signedIn(model);
        response.setStatus(500);
        model.addAttribute("messageKey", "error.general");
        return "error-page";
    }
}
