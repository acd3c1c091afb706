package ledger.query.web.home;

import java.time.Clock;

import ledger.query.web.Directory;
import ledger.query.web.signin.SignedInPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class MyWorkController {

    private final MyWork work;
    private final Directory directory;
    private final Clock clock;

    MyWorkController(MyWork work, Directory directory, Clock clock) {
        this.work = work;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInPerson me, Model model) {
        var sections = work.of(me.actor(), clock.instant());
        model.addAttribute("sections", sections);
        model.addAttribute("itemCount", sections.values().stream().mapToInt(java.util.List::size).sum());
        model.addAttribute("names", directory.names());
        return "home";
    }
}
