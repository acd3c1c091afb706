package ledger.command.meeting;

import static ledger.command.Rules.refusedWith;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.meeting.AssignTaskAtMeetingCommand;
import ledger.kernel.meeting.CloseDeliberationMeetingCommand;
import ledger.kernel.meeting.ConveneDeliberationMeetingCommand;
import ledger.kernel.meeting.DecideTaskCancellationCommand;
import ledger.kernel.meeting.DeliberationMeetingClosedEvent;
import ledger.kernel.meeting.DeliberationMeetingConvenedEvent;
import ledger.kernel.meeting.LaggingTaskReviewedEvent;
import ledger.kernel.meeting.MeetingId;
import ledger.kernel.meeting.ReviewLaggingTaskCommand;
import ledger.kernel.meeting.TaskAssignedAtMeetingEvent;
import ledger.kernel.meeting.TaskCancellationDecidedEvent;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliberationMeetingTest {

    private static final MeetingId MEETING = new MeetingId("meeting-2026-03");
    private static final Instant NOW = Instant.parse("2026-03-30T02:00:00Z");
    private static final DeliberationMeetingConvenedEvent CONVENED = new DeliberationMeetingConvenedEvent(MEETING,
            YearMonth.parse("2026-03"), LocalDate.parse("2026-03-30"), 4_211, NOW);
    private static final TaskId LAGGING = new TaskId("task-7");

    private AggregateTestFixture<DeliberationMeeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DeliberationMeeting.class);
    }

    @Test
    void a_meeting_is_convened_for_a_month_at_the_position_the_ledger_stood_at() {
        fixture.givenNoPriorActivity()
               .when(new ConveneDeliberationMeetingCommand(MEETING, YearMonth.parse("2026-03"),
                       LocalDate.parse("2026-03-30"), 4_211, NOW))
               .expectEvents(CONVENED);
    }

    @Test
    void a_lagging_task_is_reviewed_once_with_causes_and_countermeasures() {
        fixture.given(CONVENED)
               .when(new ReviewLaggingTaskCommand(MEETING, LAGGING, "资金未到位", "协调财政局提前拨付", NOW))
               .expectEvents(new LaggingTaskReviewedEvent(MEETING, LAGGING, "资金未到位", "协调财政局提前拨付", NOW));
        fixture.given(CONVENED, new LaggingTaskReviewedEvent(MEETING, LAGGING, "资金未到位", "协调", NOW))
               .when(new ReviewLaggingTaskCommand(MEETING, LAGGING, "再议", "再议", NOW))
               .expectException(refusedWith(ErrorCode.TASK_ALREADY_REVIEWED));
    }

    @Test
    void next_months_tasks_are_assigned_with_lead_leader_and_lead_unit() {
        TaskId task = new TaskId("task-new");
        fixture.given(CONVENED)
               .when(new AssignTaskAtMeetingCommand(MEETING, task, "开展燃气安全专项整治", null, null, null,
                       new CadreId("leader-wang"), new UnitId("safety-division"), List.of(),
                       LocalDate.parse("2026-04-30"), NOW))
               .expectEvents(new TaskAssignedAtMeetingEvent(MEETING, task, "开展燃气安全专项整治", null,
                       TaskSource.DIRECTORS_DELIBERATION_MEETING, null, new CadreId("leader-wang"),
                       new UnitId("safety-division"), List.of(), LocalDate.parse("2026-04-30"),
                       YearMonth.parse("2026-04"), NOW));
        fixture.given(CONVENED)
               .when(new AssignTaskAtMeetingCommand(MEETING, task, "补办", null, null, null, new CadreId("leader-wang"),
                       new UnitId("safety-division"), List.of(), LocalDate.parse("2026-03-31"), NOW))
               .expectException(refusedWith(ErrorCode.DUE_DATE_OUTSIDE_NEXT_MONTH));
    }

    @Test
    void the_meeting_assigns_a_task_of_a_city_requirement_keeping_that_source() {
        TaskId task = new TaskId("task-city");
        fixture.given(CONVENED)
               .when(new AssignTaskAtMeetingCommand(MEETING, task, "城中村改造", null,
                       TaskSource.CITY_PARTY_COMMITTEE_GOVERNMENT, "市委办〔2026〕12号", new CadreId("leader-wang"),
                       new UnitId("renewal-division"), List.of(), LocalDate.parse("2026-04-30"), NOW))
               .expectEvents(new TaskAssignedAtMeetingEvent(MEETING, task, "城中村改造", null,
                       TaskSource.CITY_PARTY_COMMITTEE_GOVERNMENT, "市委办〔2026〕12号", new CadreId("leader-wang"),
                       new UnitId("renewal-division"), List.of(), LocalDate.parse("2026-04-30"),
                       YearMonth.parse("2026-04"), NOW));
    }

    @Test
    void a_closed_meeting_assigns_no_more_tasks() {
        fixture.given(CONVENED, new DeliberationMeetingClosedEvent(MEETING, 0, 0, NOW))
               .when(new AssignTaskAtMeetingCommand(MEETING, new TaskId("task-late"), "会后补充", null,
                       TaskSource.MINISTRY, "建办〔2026〕3号", new CadreId("leader-wang"), new UnitId("renewal-division"),
                       List.of(), LocalDate.parse("2026-04-30"), NOW))
               .expectException(refusedWith(ErrorCode.MEETING_CLOSED));
    }

    @Test
    void closing_makes_the_record_final() {
        fixture.given(CONVENED, new LaggingTaskReviewedEvent(MEETING, LAGGING, "资金未到位", "协调", NOW))
               .when(new CloseDeliberationMeetingCommand(MEETING, NOW))
               .expectEvents(new DeliberationMeetingClosedEvent(MEETING, 1, 0, NOW));
        fixture.given(CONVENED, new DeliberationMeetingClosedEvent(MEETING, 0, 0, NOW))
               .when(new ReviewLaggingTaskCommand(MEETING, LAGGING, "补记", "补记", NOW))
               .expectException(refusedWith(ErrorCode.MEETING_CLOSED));
    }

    @Test
    void the_meeting_records_a_decision_to_cancel_or_merge_a_task() {
        fixture.given(CONVENED)
               .when(new DecideTaskCancellationCommand(MEETING, LAGGING, new TaskId("task-8"), "合并推进", NOW))
               .expectEvents(new TaskCancellationDecidedEvent(MEETING, LAGGING, new TaskId("task-8"), "合并推进", NOW));
        fixture.given(CONVENED, new DeliberationMeetingClosedEvent(MEETING, 0, 0, NOW))
               .when(new DecideTaskCancellationCommand(MEETING, LAGGING, null, "补记", NOW))
               .expectException(refusedWith(ErrorCode.MEETING_CLOSED));
    }
}
