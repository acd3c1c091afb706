package ledger.query.web.home;

import java.time.Clock;

import ledger.query.infrastructure.ViewPositions;
import ledger.query.web.Directory;
import ledger.query.web.signin.SignedInPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class MyWorkController {

    private final MyWork work;
    private final Directory directory;
    private final Clock clock;
    private final ViewPositions positions;

    MyWorkController(MyWork work, Directory directory, Clock clock, ViewPositions positions) {
        this.work = work;
        this.positions = positions;
        this.directory = directory;
        this.clock = clock;
    }

    /** {@code minPosition}: read after a write seen there (the ledger's views and the bulletins'). */
    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInPerson me, @RequestParam(required = false) Long minPosition,
                Model model) {
        positions.awaitPosition(ledger.query.ledger.LedgerReader.PROCESSOR, minPosition);
        positions.awaitPosition(ledger.query.bulletin.BulletinReader.PROCESSOR, minPosition);
        var sections = work.of(me.actor(), clock.instant());
        var names = directory.names();
        var notices = work.notices(me.actor(), names);
        model.addAttribute("sections", sections);
        model.addAttribute("notices", notices);
        model.addAttribute("itemCount", sections.values().stream().mapToInt(java.util.List::size).sum()
                + notices.values().stream().mapToInt(java.util.List::size).sum());
        model.addAttribute("names", names);
        return "home";
    }
}
