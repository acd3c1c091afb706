package ledger.command.task;

import static ledger.command.Rules.refusedWith;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.task.AssignTaskCommand;
import ledger.kernel.task.ProgressReportedEvent;
import ledger.kernel.task.ReportProgressCommand;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskTest {

    private static final TaskId TASK = new TaskId("task-1");
    private static final Instant ASSIGNED = Instant.parse("2026-03-01T02:00:00Z");
    private static final TaskAssignedEvent ASSIGNED_EVENT = new TaskAssignedEvent(TASK, "推进老旧小区改造", null,
            TaskSource.CITY_PARTY_COMMITTEE_GOVERNMENT, null, new CadreId("leader-wang"), new UnitId("urban-renewal"),
            List.of(new UnitId("finance")), LocalDate.parse("2026-03-31"), YearMonth.parse("2026-03"), ASSIGNED, List.of());
    private static final Actor LEAD_STAFF = new Actor("cadre-1", Role.UNIT_STAFF, "urban-renewal");
    private static final Actor CO_UNIT_HEAD = new Actor("cadre-2", Role.UNIT_HEAD, "finance");
    private static final Actor OTHER_UNIT_STAFF = new Actor("cadre-3", Role.UNIT_STAFF, "legal");

    private AggregateTestFixture<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
    }

    @Test
    void a_task_the_deliberation_meeting_assigns_keeps_its_requirements_source_and_names_the_meeting() {
        fixture.givenNoPriorActivity()
               .when(new AssignTaskCommand(TASK, "推进老旧小区改造", null, TaskSource.MINISTRY, "建城〔2026〕8号",
                       new CadreId("leader-wang"), new UnitId("urban-renewal"), List.of(), LocalDate.parse("2026-04-30"),
                       YearMonth.parse("2026-04"), ASSIGNED, List.of(), "meeting-2026-03-1"))
               .expectEvents(new TaskAssignedEvent(TASK, "推进老旧小区改造", null, TaskSource.MINISTRY, "建城〔2026〕8号",
                       new CadreId("leader-wang"), new UnitId("urban-renewal"), List.of(), LocalDate.parse("2026-04-30"),
                       YearMonth.parse("2026-04"), ASSIGNED, List.of(), "meeting-2026-03-1"));
    }

    @Test
    void assigning_a_task_records_its_lead_leader_and_lead_unit() {
        fixture.givenNoPriorActivity()
               .when(new AssignTaskCommand(TASK, "推进老旧小区改造", null, TaskSource.CITY_PARTY_COMMITTEE_GOVERNMENT, null,
                       new CadreId("leader-wang"), new UnitId("urban-renewal"), List.of(new UnitId("finance")),
                       LocalDate.parse("2026-03-31"),
                       YearMonth.parse("2026-03"), ASSIGNED, List.of()))
               .expectSuccessfulHandlerExecution()
               .expectEvents(ASSIGNED_EVENT);
    }

    @Test
    void progress_is_recorded_with_its_narrative() {
        Instant reported = ASSIGNED.plusSeconds(86_400);
        fixture.given(ASSIGNED_EVENT)
               .when(new ReportProgressCommand(TASK, LEAD_STAFF, 40, "完成摸底调查", reported, null))
               .expectEvents(new ProgressReportedEvent(TASK, 40, "完成摸底调查", reported, null));
    }

    @Test
    void the_same_percentage_may_be_reported_again_with_a_new_narrative() {
        Instant first = ASSIGNED.plusSeconds(60);
        Instant second = ASSIGNED.plusSeconds(120);
        fixture.given(ASSIGNED_EVENT, new ProgressReportedEvent(TASK, 40, "摸底", first, null))
               .when(new ReportProgressCommand(TASK, CO_UNIT_HEAD, 40, "方案已报局党组", second, null))
               .expectEvents(new ProgressReportedEvent(TASK, 40, "方案已报局党组", second, null));
    }

    @Test
    void progress_may_not_go_backwards() {
        Instant first = ASSIGNED.plusSeconds(60);
        fixture.given(ASSIGNED_EVENT, new ProgressReportedEvent(TASK, 60, "过半", first, null))
               .when(new ReportProgressCommand(TASK, LEAD_STAFF, 50, "回退", first.plusSeconds(60), null))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.PROGRESS_MAY_NOT_DECREASE));
    }

    @Test
    void progress_may_not_be_dated_before_the_assignment() {
        fixture.given(ASSIGNED_EVENT)
               .when(new ReportProgressCommand(TASK, LEAD_STAFF, 10, "提前", ASSIGNED.minusSeconds(1), null))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.PROGRESS_BEFORE_ASSIGNMENT));
    }

    @Test
    void staff_of_a_unit_that_is_neither_lead_nor_co_unit_may_not_report() {
        fixture.given(ASSIGNED_EVENT)
               .when(new ReportProgressCommand(TASK, OTHER_UNIT_STAFF, 10, "越权", ASSIGNED.plusSeconds(60), null))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.NOT_A_TASK_UNIT));
    }

    @Test
    void only_people_of_a_unit_report_progress() {
        fixture.given(ASSIGNED_EVENT)
               .when(new ReportProgressCommand(TASK, new Actor("cadre-9", Role.BUREAU_OFFICE, null), 10, "代报",
                       ASSIGNED.plusSeconds(60), null))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.NOT_PERMITTED));
    }
}
