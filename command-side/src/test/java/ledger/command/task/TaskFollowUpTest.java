package ledger.command.task;

import static ledger.command.Rules.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.task.AnswerUrgingNoticeCommand;
import ledger.kernel.task.FollowUpStanding;
import ledger.kernel.task.IssueUrgingNoticeCommand;
import ledger.kernel.task.ReceiveTaskCommand;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskReceivedEvent;
import ledger.kernel.task.TaskReceivedLateEvent;
import ledger.kernel.task.TaskSource;
import ledger.kernel.task.UrgingNoticeAnsweredEvent;
import ledger.kernel.task.UrgingNoticeId;
import ledger.kernel.task.UrgingNoticeIssuedEvent;
import ledger.kernel.task.UrgingNoticeWentUnansweredEvent;
import ledger.kernel.task.WatchFollowUpsCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Receipt (签收) and urging (催办) on a task. */
class TaskFollowUpTest {

    private static final TaskId TASK = new TaskId("task-1");
    private static final UnitId LEAD_UNIT = new UnitId("urban-renewal");
    private static final UnitId CO_UNIT = new UnitId("finance");
    private static final CadreId LEADER = new CadreId("leader-wang");
    /** Monday 2 March 2026, 10:00 in the bureau. */
    private static final Instant ASSIGNED = on("2026-03-02");
    private static final TaskAssignedEvent ASSIGNED_EVENT = new TaskAssignedEvent(TASK, "推进老旧小区改造", null,
            TaskSource.CITY_PARTY_COMMITTEE_GOVERNMENT, null, LEADER, LEAD_UNIT, List.of(CO_UNIT),
            LocalDate.parse("2026-03-31"), YearMonth.parse("2026-03"), ASSIGNED, List.of());
    private static final Actor LEAD_STAFF = new Actor("cadre-1", Role.UNIT_STAFF, "urban-renewal");
    private static final Actor CO_UNIT_HEAD = new Actor("cadre-2", Role.UNIT_HEAD, "finance");
    private static final Actor OTHER_UNIT_HEAD = new Actor("cadre-3", Role.UNIT_HEAD, "legal");
    private static final Actor OFFICE = new Actor("cadre-9", Role.BUREAU_OFFICE, "bureau-office");
    private static final Actor DISCIPLINE = new Actor("cadre-8", Role.DISCIPLINE_INSPECTION, "discipline-group");
    private static final UrgingNoticeId NOTICE = new UrgingNoticeId("notice-1");
    private static final LocalDate REPLY_BY = LocalDate.parse("2026-03-20");
    private static final UrgingNoticeIssuedEvent ISSUED = new UrgingNoticeIssuedEvent(TASK, NOTICE, "cadre-9",
            Role.BUREAU_OFFICE, "进度滞后", "三日内报送整改措施", REPLY_BY, LEAD_UNIT, LEADER, on("2026-03-16"));

    private AggregateTestFixture<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
    }

    private static Instant on(String day) {
        return Instant.parse(day + "T02:00:00Z");
    }

    @Test
    void the_lead_unit_signs_for_the_task_and_a_co_unit_for_its_part() {
        fixture.given(ASSIGNED_EVENT)
               .when(new ReceiveTaskCommand(TASK, LEAD_STAFF, on("2026-03-03")))
               .expectEvents(new TaskReceivedEvent(TASK, LEAD_UNIT, true, "cadre-1", Role.UNIT_STAFF, on("2026-03-03")));
        fixture.given(ASSIGNED_EVENT)
               .when(new ReceiveTaskCommand(TASK, CO_UNIT_HEAD, on("2026-03-03")))
               .expectEvents(new TaskReceivedEvent(TASK, CO_UNIT, false, "cadre-2", Role.UNIT_HEAD, on("2026-03-03")));
    }

    @Test
    void a_unit_that_is_not_the_tasks_cannot_sign_for_it() {
        fixture.given(ASSIGNED_EVENT)
               .when(new ReceiveTaskCommand(TASK, OTHER_UNIT_HEAD, on("2026-03-03")))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.NOT_A_TASK_UNIT));
        fixture.given(ASSIGNED_EVENT)
               .when(new ReceiveTaskCommand(TASK, OFFICE, on("2026-03-03")))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.NOT_PERMITTED));
    }

    @Test
    void a_unit_signs_only_once() {
        fixture.given(ASSIGNED_EVENT,
                       new TaskReceivedEvent(TASK, LEAD_UNIT, true, "cadre-1", Role.UNIT_STAFF, on("2026-03-03")))
               .when(new ReceiveTaskCommand(TASK, new Actor("cadre-4", Role.UNIT_HEAD, "urban-renewal"), on("2026-03-04")))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.TASK_ALREADY_RECEIVED));
    }

    @Test
    void receipt_is_late_after_two_working_days_and_recorded_once_per_unit() {
        // assigned Monday: Tuesday and Wednesday are the two working days, Thursday is late
        fixture.given(ASSIGNED_EVENT)
               .when(new WatchFollowUpsCommand(TASK, on("2026-03-04"), 2))
               .expectNoEvents()
               .expectResultMessagePayload(new FollowUpStanding(LocalDate.parse("2026-03-05")));
        fixture.given(ASSIGNED_EVENT,
                       new TaskReceivedEvent(TASK, CO_UNIT, false, "cadre-2", Role.UNIT_HEAD, on("2026-03-03")))
               .when(new WatchFollowUpsCommand(TASK, on("2026-03-05"), 2))
               .expectEvents(new TaskReceivedLateEvent(TASK, LEAD_UNIT, true, LocalDate.parse("2026-03-04"),
                       on("2026-03-05")))
               .expectResultMessagePayload(new FollowUpStanding(null));
        fixture.given(ASSIGNED_EVENT, new TaskReceivedLateEvent(TASK, LEAD_UNIT, true, LocalDate.parse("2026-03-04"),
                       on("2026-03-05")), new TaskReceivedLateEvent(TASK, CO_UNIT, false, LocalDate.parse("2026-03-04"),
                       on("2026-03-05")))
               .when(new WatchFollowUpsCommand(TASK, on("2026-03-09"), 2))
               .expectNoEvents();
    }

    @Test
    void working_days_skip_the_weekend() {
        assertThat(new ReceiptPolicy(2).lastDay(LocalDate.parse("2026-03-05"))).isEqualTo("2026-03-09");
        assertThat(new ReceiptPolicy(2).lastDay(LocalDate.parse("2026-03-07"))).isEqualTo("2026-03-10");
    }

    @Test
    void the_bureau_office_urges_a_task_naming_its_lead_unit_and_leader() {
        fixture.given(ASSIGNED_EVENT)
               .when(new IssueUrgingNoticeCommand(TASK, NOTICE, OFFICE, "进度滞后", "三日内报送整改措施", REPLY_BY,
                       on("2026-03-16")))
               .expectEvents(ISSUED);
    }

    @Test
    void only_the_supervision_group_urges_and_not_its_discipline_member() {
        for (Actor actor : List.of(LEAD_STAFF, DISCIPLINE, new Actor("leader-wang", Role.BUREAU_LEADER, null))) {
            fixture.given(ASSIGNED_EVENT)
                   .when(new IssueUrgingNoticeCommand(TASK, NOTICE, actor, "进度滞后", "报送措施", REPLY_BY,
                           on("2026-03-16")))
                   .expectNoEvents()
                   .expectException(refusedWith(ErrorCode.NOT_PERMITTED));
        }
    }

    @Test
    void the_lead_unit_replies_by_the_day() {
        fixture.given(ASSIGNED_EVENT, ISSUED)
               .when(new AnswerUrgingNoticeCommand(TASK, NOTICE, LEAD_STAFF, "资金晚到", "倒排工期", 60, on("2026-03-19")))
               .expectEvents(new UrgingNoticeAnsweredEvent(TASK, NOTICE, LEAD_UNIT, "cadre-1", "资金晚到", "倒排工期", 60,
                       REPLY_BY, false, on("2026-03-19")));
    }

    @Test
    void a_co_unit_does_not_reply_for_the_lead_unit() {
        fixture.given(ASSIGNED_EVENT, ISSUED)
               .when(new AnswerUrgingNoticeCommand(TASK, NOTICE, CO_UNIT_HEAD, "资金晚到", "倒排工期", 60, on("2026-03-19")))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.NOT_THE_LEAD_UNIT));
    }

    @Test
    void a_reply_after_the_notice_was_answered_is_refused() {
        fixture.given(ASSIGNED_EVENT, ISSUED, new UrgingNoticeAnsweredEvent(TASK, NOTICE, LEAD_UNIT, "cadre-1", "资金晚到",
                       "倒排工期", 60, REPLY_BY, false, on("2026-03-19")))
               .when(new AnswerUrgingNoticeCommand(TASK, NOTICE, LEAD_STAFF, "再次说明", "加派人手", 70, on("2026-03-20")))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.URGING_NOTICE_ANSWERED));
        fixture.given(ASSIGNED_EVENT)
               .when(new AnswerUrgingNoticeCommand(TASK, NOTICE, LEAD_STAFF, "说明", "措施", 10, on("2026-03-20")))
               .expectException(refusedWith(ErrorCode.UNKNOWN_URGING_NOTICE));
    }

    @Test
    void an_unanswered_notice_is_recorded_once_and_a_later_reply_is_marked_late() {
        TaskReceivedEvent received = new TaskReceivedEvent(TASK, LEAD_UNIT, true, "cadre-1", Role.UNIT_STAFF,
                on("2026-03-03"));
        TaskReceivedEvent coReceived = new TaskReceivedEvent(TASK, CO_UNIT, false, "cadre-2", Role.UNIT_HEAD,
                on("2026-03-03"));
        fixture.given(ASSIGNED_EVENT, received, coReceived, ISSUED)
               .when(new WatchFollowUpsCommand(TASK, on("2026-03-20"), 2))
               .expectNoEvents()
               .expectResultMessagePayload(new FollowUpStanding(LocalDate.parse("2026-03-21")));
        UrgingNoticeWentUnansweredEvent unanswered = new UrgingNoticeWentUnansweredEvent(TASK, NOTICE, LEAD_UNIT,
                LEADER, REPLY_BY, on("2026-03-23"));
        fixture.given(ASSIGNED_EVENT, received, coReceived, ISSUED)
               .when(new WatchFollowUpsCommand(TASK, on("2026-03-23"), 2))
               .expectEvents(unanswered)
               .expectResultMessagePayload(new FollowUpStanding(null));
        fixture.given(ASSIGNED_EVENT, received, coReceived, ISSUED, unanswered)
               .when(new WatchFollowUpsCommand(TASK, on("2026-03-24"), 2))
               .expectNoEvents();
        fixture.given(ASSIGNED_EVENT, received, coReceived, ISSUED, unanswered)
               .when(new AnswerUrgingNoticeCommand(TASK, NOTICE, LEAD_STAFF, "资金晚到", "倒排工期", 60, on("2026-03-24")))
               .expectEvents(new UrgingNoticeAnsweredEvent(TASK, NOTICE, LEAD_UNIT, "cadre-1", "资金晚到", "倒排工期", 60,
                       REPLY_BY, true, on("2026-03-24")));
    }
}
