package ledger.query.web.home;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.BureauTime;
import ledger.query.ledger.LedgerReader;
import ledger.query.ledger.LedgerTaskView;
import org.springframework.stereotype.Component;

/**
 * 我的待办: what waits for the signed-in person, by their role, from the ledger views (built from the
 * events). Unit staff and heads: their unit's overdue and due-soon tasks and those without progress this
 * month; bureau leaders: deadline-change requests on tasks they lead, their escalated tasks and all they
 * lead; the supervision group: completion claims waiting for verification.
 */
@Component
class MyWork {

    /** How far back open tasks are looked for: a year of ledger months, each a keyed read. */
    private static final int MONTHS_BACK = 12;
    private static final Set<Role> SUPERVISION = Set.of(Role.BUREAU_OFFICE, Role.ORGAN_PARTY_COMMITTEE);

    private final LedgerReader ledger;

    MyWork(LedgerReader ledger) {
        this.ledger = ledger;
    }

    /** Sections in the order the page shows them; empty sections are left out. */
    Map<String, List<LedgerTaskView>> of(Actor actor, Instant now) {
        YearMonth thisMonth = YearMonth.from(BureauTime.dayOf(now));
        Instant monthBegan = thisMonth.atDay(1).atStartOfDay(BureauTime.ZONE).toInstant();
        List<LedgerTaskView> open = openTasks(thisMonth);
        Map<String, List<LedgerTaskView>> sections = new LinkedHashMap<>();
        if (Role.UNIT_ROLES.contains(actor.role())) {
            List<LedgerTaskView> mine = open.stream().filter(task -> actor.actsFor(task.leadUnitId())
                    || task.coUnitIds() != null && task.coUnitIds().stream().anyMatch(actor::actsFor)).toList();
            put(sections, "home.section.overdue", mine.stream()
                    .filter(task -> LedgerTaskView.OVERDUE.equals(task.status())).toList());
            put(sections, "home.section.atRisk", mine.stream()
                    .filter(task -> LedgerTaskView.AT_RISK.equals(task.status())).toList());
            put(sections, "home.section.noProgress", mine.stream()
                    .filter(task -> task.latestProgress() == null || task.latestProgress().reportedAt().isBefore(monthBegan))
                    .toList());
        } else if (actor.role() == Role.BUREAU_LEADER) {
            List<LedgerTaskView> led = open.stream().filter(task -> actor.personId().equals(task.leadLeaderId())).toList();
            put(sections, "home.section.deadlineRequests", led.stream()
                    .filter(task -> task.proposedDueDate() != null).toList());
            put(sections, "home.section.escalated", led.stream()
                    .filter(task -> LedgerTaskView.ESCALATED.equals(task.status())).toList());
            put(sections, "home.section.led", led);
        } else if (SUPERVISION.contains(actor.role())) {
            put(sections, "home.section.claims", open.stream()
                    .filter(task -> task.completionClaimedAt() != null).toList());
        }
        return sections;
    }

    private List<LedgerTaskView> openTasks(YearMonth thisMonth) {
        Set<String> ids = new LinkedHashSet<>();
        for (int back = -1; back <= MONTHS_BACK; back++) {
            ids.addAll(ledger.taskIdsOf(thisMonth.minusMonths(back)));
        }
        List<LedgerTaskView> open = new ArrayList<>(ledger.tasks(ids).stream()
                .filter(task -> task.completedAt() == null && task.closedByDecision() == null).toList());
        open.sort(Comparator.comparing(LedgerTaskView::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(LedgerTaskView::taskId));
        return open;
    }

    private static void put(Map<String, List<LedgerTaskView>> sections, String key, List<LedgerTaskView> tasks) {
        if (!tasks.isEmpty()) {
            sections.put(key, tasks);
        }
    }
}
