package ledger.query.web.home;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.query.web.score.ScoreActions;
import ledger.kernel.shared.BureauTime;
import ledger.query.ledger.LedgerReader;
import ledger.query.ledger.LedgerTaskView;
import ledger.kernel.shared.LedgerException;
import ledger.query.bulletin.BulletinView;
import ledger.query.web.Directory;
import ledger.query.work.WaitingWork;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * 我的待办: what waits for the signed-in person, by their role, from the ledger views (built from the
 * events). Unit staff and heads: tasks their unit has not signed for, urging notices awaiting its reply,
 * their unit's overdue and due-soon tasks and those without progress this month; bureau leaders: deadline-change requests on tasks they lead, their escalated tasks and all they
 * lead; the supervision group: completion claims waiting for verification. Beside the tasks: claims sent
 * back to the unit, bulletins waiting for the member's sign-off, others' score corrections to approve.
 */
@Component
class MyWork {

    private final LedgerReader ledger;
    private final WaitingWork waiting;
    private final MongoTemplate mongo;

    MyWork(LedgerReader ledger, WaitingWork waiting, MongoTemplate mongo) {
        this.ledger = ledger;
        this.waiting = waiting;
        this.mongo = mongo;
    }

    /** An item that is not a task: a message key of the page and its arguments. */
    record Notice(String key, Object[] args) {
    }

    /** The supervision group's items that are not tasks: bulletins to sign off, others' score corrections. */
    Map<String, List<Notice>> notices(Actor actor, Directory.Names names) {
        Map<String, List<Notice>> sections = new LinkedHashMap<>();
        if (Role.SUPERVISION_GROUP.contains(actor.role())) {
            put(sections, "home.section.signOffs", mongo.find(Query.query(Criteria.where("status")
                    .is(BulletinView.DRAFT)), BulletinView.class).stream()
                    .filter(bulletin -> bulletin.signOffs().stream().noneMatch(s -> s.member().equals(actor.role().name())))
                    .map(bulletin -> new Notice("home.signOff", new Object[]{bulletin.month(), bulletin.signOffs().size(),
                            Role.SUPERVISION_GROUP.size()})).toList());
        }
        // who scores also approves another's correction (the Score aggregate decides; this only shows)
        if (ScoreActions.SCORERS.contains(actor.role())) {
            put(sections, "home.section.corrections", waiting.correctionsToApprove(actor.personId()).stream()
                    .map(score -> new Notice("home.correction", new Object[]{subject(score, names), score.dimension(),
                            score.month(), names.person(score.requestedBy()), score.currentValue(), score.newValue(),
                            score.reason()})).toList());
        }
        return sections;
    }

    private String subject(WaitingWork.ScoreCorrection score, Directory.Names names) {
        return switch (score.subjectKind()) {
            case "UNIT" -> names.unit(score.subjectId());
            case "CADRE" -> names.person(score.subjectId());
            default -> {
                try {
                    yield ledger.task(score.subjectId(), null, null, null).title();
                } catch (LedgerException unknown) {
                    yield "〔" + score.subjectId() + "〕";
                }
            }
        };
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
            put(sections, "home.section.notReceived", mine.stream()
                    .filter(task -> !task.receivedBy(actor.unitId())).toList());
            put(sections, "home.section.urging", mine.stream()
                    .filter(task -> actor.actsFor(task.leadUnitId()) && task.openNotice() != null).toList());
            put(sections, "home.section.overdue", mine.stream()
                    .filter(task -> LedgerTaskView.OVERDUE.equals(task.status())).toList());
            put(sections, "home.section.atRisk", mine.stream()
                    .filter(task -> LedgerTaskView.AT_RISK.equals(task.status())).toList());
            Set<String> rejected = waiting.rejectedClaims();
            put(sections, "home.section.rejected", mine.stream().filter(task -> rejected.contains(task.taskId())).toList());
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
        } else if (Role.COMPLETION_VERIFIERS.contains(actor.role())) {
            put(sections, "home.section.claims", open.stream()
                    .filter(task -> task.completionClaimedAt() != null).toList());
        }
        return sections;
    }

    /** This month's ledger carries every earlier open task; next month's holds what was assigned ahead. */
    private List<LedgerTaskView> openTasks(YearMonth thisMonth) {
        Map<String, LedgerTaskView> byId = new LinkedHashMap<>();
        for (YearMonth month : List.of(thisMonth, thisMonth.plusMonths(1))) {
            ledger.month(month).forEach(task -> byId.putIfAbsent(task.taskId(), task));
        }
        List<LedgerTaskView> open = new ArrayList<>(byId.values().stream()
                .filter(task -> task.completedAt() == null && task.closedByDecision() == null).toList());
        open.sort(Comparator.comparing(LedgerTaskView::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(LedgerTaskView::taskId));
        return open;
    }

    private static <T> void put(Map<String, List<T>> sections, String key, List<T> items) {
        if (!items.isEmpty()) {
            sections.put(key, items);
        }
    }
}
