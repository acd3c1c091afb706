package ledger.query.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Role;
import ledger.kernel.task.CompletionVerifiedEvent;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.LeadershipDecisionAppliedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskEscalatedEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import ledger.kernel.task.UrgingNoticeId;
import ledger.kernel.task.UrgingNoticeIssuedEvent;
import ledger.kernel.task.UrgingNoticeWentUnansweredEvent;
import ledger.kernel.taskforce.LeadershipMeeting;
import ledger.kernel.taskforce.TaskForceId;
import ledger.query.statistics.StatisticsView.Figures;
import ledger.query.statistics.StatisticsView.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statistics on plain objects: the projection's month-end standings and the counting over the months'
 * ledgers (given here as the ledger's carry-over rule makes them: a task stays in every month's ledger from
 * its own month until the month it closed in).
 */
class StatisticsTest {

    private static final TaskId LATE = new TaskId("task-late");
    private static final TaskId ON_TIME = new TaskId("task-on-time");
    private static final TaskId ESCALATED = new TaskId("task-escalated");
    private static final YearMonth MARCH = YearMonth.parse("2026-03");
    private static final YearMonth APRIL = YearMonth.parse("2026-04");
    private static final YearMonth MAY = YearMonth.parse("2026-05");

    private final Map<String, TaskHistory> store = new LinkedHashMap<>();
    private StatisticsProjection projection;

    @BeforeEach
    void setUp() {
        projection = new StatisticsProjection(new TaskHistories() {
            @Override
            public Optional<TaskHistory> find(String taskId) {
                return Optional.ofNullable(store.get(taskId));
            }

            @Override
            public List<TaskHistory> findAll(Collection<String> taskIds) {
                return taskIds.stream().map(store::get).filter(h -> h != null).toList();
            }

            @Override
            public void save(TaskHistory history) {
                store.put(history.taskId(), history);
            }

            @Override
            public void clear() {
                store.clear();
            }
        });
        // late: March's task of unit-a under leader-wang, missed in April, urged and unanswered, completed late in May
        projection.on(assigned(LATE, "unit-a", "leader-wang", MARCH, "2026-03-01T02:00:00Z"), 0);
        projection.on(new DeadlineMissedEvent(LATE, LocalDate.parse("2026-03-31"), at("2026-04-01T01:00:00Z")), 1);
        projection.on(new UrgingNoticeIssuedEvent(LATE, new UrgingNoticeId("notice-1"), "office", Role.BUREAU_OFFICE,
                "进度滞后", "说明原因", LocalDate.parse("2026-04-15"), new UnitId("unit-a"), new CadreId("leader-wang"),
                at("2026-04-10T02:00:00Z")), 2);
        projection.on(new UrgingNoticeWentUnansweredEvent(LATE, new UrgingNoticeId("notice-1"), new UnitId("unit-a"),
                new CadreId("leader-wang"), LocalDate.parse("2026-04-15"), at("2026-04-16T01:00:00Z")), 3);
        projection.on(verified(LATE, false, "2026-05-10T02:00:00Z"), 4);
        // on time: March's task of unit-b, completed in March
        projection.on(assigned(ON_TIME, "unit-b", "leader-wang", MARCH, "2026-03-01T02:00:00Z"), 0);
        projection.on(verified(ON_TIME, true, "2026-03-20T02:00:00Z"), 1);
        // escalated: April's task of unit-a under leader-li, escalated to a task force in April
        projection.on(assigned(ESCALATED, "unit-a", "leader-li", APRIL, "2026-03-28T02:00:00Z"), 0);
        projection.on(new TaskEscalatedEvent(ESCALATED, new TaskForceId("tf-1"), "拆迁受阻", at("2026-04-15T02:00:00Z")), 1);
    }

    private StatisticsView compute() {
        Map<YearMonth, List<String>> ledgers = new LinkedHashMap<>();
        ledgers.put(MARCH, List.of(LATE.value(), ON_TIME.value()));
        ledgers.put(APRIL, List.of(LATE.value(), ESCALATED.value()));
        ledgers.put(MAY, List.of(LATE.value(), ESCALATED.value()));
        return Statistics.compute(ledgers, store);
    }

    @Test
    void a_past_month_counts_its_tasks_as_they_stood_when_it_ended() {
        StatisticsView view = compute();

        Figures march = view.months().get(0).figures().total();
        assertThat(march.tasks()).isEqualTo(2);
        assertThat(march.completedOnTime()).isEqualTo(1);
        // completed late only in May: at the end of March it was still on track
        assertThat(march.completedLate()).isZero();
        assertThat(march.overdue()).isZero();
        assertThat(march.onTimeRate()).isEqualTo(1.0);

        Figures april = view.months().get(1).figures().total();
        assertThat(april.tasks()).isEqualTo(2);
        assertThat(april.overdue()).isEqualTo(1);
        assertThat(april.escalated()).isEqualTo(1);
        assertThat(april.onTimeRate()).isEqualTo(0.0);
        assertThat(april.urgingIssued()).isEqualTo(1);
        assertThat(april.urgingUnanswered()).isEqualTo(1);

        Figures may = view.months().get(2).figures().total();
        assertThat(may.completedLate()).isEqualTo(1);
        assertThat(may.overdue()).isZero();
        assertThat(may.escalated()).isEqualTo(1);
        // the notices were April's
        assertThat(may.urgingIssued()).isZero();
    }

    @Test
    void a_month_is_broken_down_by_lead_unit_and_by_lead_leader() {
        StatisticsView.Breakdown april = compute().months().get(1).figures();

        assertThat(april.byUnit()).extracting(Row::id).containsExactly("unit-a");
        assertThat(april.byUnit().get(0).figures().tasks()).isEqualTo(2);
        assertThat(april.byLeader()).extracting(Row::id).containsExactly("leader-li", "leader-wang");
        Figures wang = april.byLeader().get(1).figures();
        assertThat(wang.overdue()).isEqualTo(1);
        assertThat(wang.urgingIssued()).isEqualTo(1);
        assertThat(april.byLeader().get(0).figures().escalated()).isEqualTo(1);
    }

    @Test
    void over_the_period_each_task_counts_once_as_it_last_stood_and_every_notice_counts() {
        StatisticsView view = compute();

        assertThat(view.from()).isEqualTo("2026-03");
        assertThat(view.to()).isEqualTo("2026-05");
        Figures period = view.period().total();
        assertThat(period.tasks()).isEqualTo(3);
        assertThat(period.completedOnTime()).isEqualTo(1);
        assertThat(period.completedLate()).isEqualTo(1);
        assertThat(period.overdue()).isZero();
        assertThat(period.escalated()).isEqualTo(1);
        assertThat(period.onTimeRate()).isEqualTo(0.5);
        assertThat(period.urgingIssued()).isEqualTo(1);
        assertThat(period.urgingUnanswered()).isEqualTo(1);
        Row unitA = view.period().byUnit().get(0);
        assertThat(unitA.id()).isEqualTo("unit-a");
        assertThat(unitA.figures().tasks()).isEqualTo(2);
        assertThat(unitA.figures().urgingIssued()).isEqualTo(1);
        assertThat(view.period().byUnit().get(1).figures().onTimeRate()).isEqualTo(1.0);
    }

    @Test
    void no_task_due_means_no_rate_rather_than_zero() {
        Map<YearMonth, List<String>> ledgers = new LinkedHashMap<>();
        ledgers.put(APRIL, List.of(ESCALATED.value()));
        assertThat(Statistics.compute(ledgers, store).period().total().onTimeRate()).isNull();
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        TaskHistory before = store.get(LATE.value());
        projection.on(new UrgingNoticeIssuedEvent(LATE, new UrgingNoticeId("notice-1"), "office", Role.BUREAU_OFFICE,
                "进度滞后", "说明原因", LocalDate.parse("2026-04-15"), new UnitId("unit-a"), new CadreId("leader-wang"),
                at("2026-04-10T02:00:00Z")), 2);
        assertThat(store.get(LATE.value())).isEqualTo(before);
    }

    @Test
    void a_leadership_decision_moves_the_task_to_its_new_unit_from_that_month_on() {
        projection.on(new LeadershipDecisionAppliedEvent(ESCALATED, new TaskForceId("tf-1"),
                LeadershipMeeting.values()[0], "局党组会〔2026〕5号", LocalDate.parse("2026-04-30"),
                LocalDate.parse("2026-06-30"), new CadreId("leader-wang"), new UnitId("unit-b"), true,
                at("2026-05-06T02:00:00Z")), 2);

        StatisticsView view = compute();
        assertThat(view.months().get(1).figures().byUnit()).extracting(Row::id).containsExactly("unit-a");
        StatisticsView.Breakdown may = view.months().get(2).figures();
        assertThat(may.byUnit()).extracting(Row::id).containsExactly("unit-a", "unit-b");
        Figures unitB = may.byUnit().get(1).figures();
        assertThat(unitB.tasks()).isEqualTo(1);
        // the problem resolved and the deadline moved: on track again, no longer escalated
        assertThat(unitB.escalated()).isZero();
    }

    private static TaskAssignedEvent assigned(TaskId id, String unit, String leader, YearMonth month, String at) {
        return new TaskAssignedEvent(id, "任务 " + id.value(), null, TaskSource.PARTY_GROUP_MEETING, null,
                new CadreId(leader), new UnitId(unit), List.of(), month.atEndOfMonth(), month, at(at), List.of());
    }

    private static CompletionVerifiedEvent verified(TaskId id, boolean onTime, String at) {
        return new CompletionVerifiedEvent(id, "核实", at(at), LocalDate.parse("2026-03-31"), onTime, at(at));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
