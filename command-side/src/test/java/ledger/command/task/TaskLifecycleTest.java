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
import ledger.kernel.task.ApplyLeadershipDecisionCommand;
import ledger.kernel.task.ClaimCompletionCommand;
import ledger.kernel.task.CloseTaskByDecisionCommand;
import ledger.kernel.task.CompletionClaimedEvent;
import ledger.kernel.task.CompletionRejectedEvent;
import ledger.kernel.task.CompletionVerifiedEvent;
import ledger.kernel.task.DeadlineChangeDeclinedEvent;
import ledger.kernel.task.DeadlineChangeRequestedEvent;
import ledger.kernel.task.DeadlineChangedEvent;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.DeadlineStanding;
import ledger.kernel.task.DecideDeadlineChangeCommand;
import ledger.kernel.task.EscalateTaskCommand;
import ledger.kernel.task.LeadershipDecisionAppliedEvent;
import ledger.kernel.task.Milestone;
import ledger.kernel.task.ProgressReportedEvent;
import ledger.kernel.task.RejectCompletionCommand;
import ledger.kernel.task.ReleaseFromTaskForceCommand;
import ledger.kernel.task.ReportProgressCommand;
import ledger.kernel.task.RequestDeadlineChangeCommand;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskCancelledEvent;
import ledger.kernel.task.TaskEscalatedEvent;
import ledger.kernel.task.TaskFellAtRiskEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskMergedEvent;
import ledger.kernel.task.TaskReleasedFromTaskForceEvent;
import ledger.kernel.task.TaskSource;
import ledger.kernel.task.VerifyCompletionCommand;
import ledger.kernel.task.WatchDeadlineCommand;
import ledger.kernel.taskforce.DecisionEffect;
import ledger.kernel.taskforce.LeadershipMeeting;
import ledger.kernel.taskforce.TaskForceId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Completion, deadline changes and the deadline watch: each rule's success and refusals. */
class TaskLifecycleTest {

    private static final TaskId TASK = new TaskId("task-1");
    private static final LocalDate DUE = LocalDate.parse("2026-03-31");
    private static final Instant ASSIGNED = Instant.parse("2026-03-01T02:00:00Z");
    private static final TaskAssignedEvent ASSIGNED_EVENT = new TaskAssignedEvent(TASK, "推进老旧小区改造", null,
            TaskSource.DIRECTORS_DELIBERATION_MEETING, null, new CadreId("leader-wang"), new UnitId("urban-renewal"),
            List.of(new UnitId("finance")), DUE, YearMonth.parse("2026-03"), ASSIGNED, List.of());
    private static final Actor LEAD_HEAD = new Actor("cadre-1", Role.UNIT_HEAD, "urban-renewal");
    private static final Actor CO_UNIT_STAFF = new Actor("cadre-2", Role.UNIT_STAFF, "finance");
    private static final Actor OFFICE = new Actor("cadre-3", Role.BUREAU_OFFICE, null);
    private static final Actor DISCIPLINE = new Actor("cadre-4", Role.DISCIPLINE_INSPECTION, null);
    private static final Actor LEAD_LEADER = new Actor("leader-wang", Role.BUREAU_LEADER, null);
    private static final Actor OTHER_LEADER = new Actor("leader-li", Role.BUREAU_LEADER, null);
    /** 10:00 in Beijing on the given day. */
    private static Instant on(String day) {
        return LocalDate.parse(day).atTime(10, 0).atZone(ledger.kernel.shared.BureauTime.ZONE).toInstant();
    }

    private static final CompletionClaimedEvent CLAIMED = new CompletionClaimedEvent(TASK, "全部完成", on("2026-03-30"));

    private AggregateTestFixture<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
    }

    @Test
    void the_lead_unit_claims_completion() {
        fixture.given(ASSIGNED_EVENT)
               .when(new ClaimCompletionCommand(TASK, LEAD_HEAD, "全部完成", on("2026-03-30")))
               .expectEvents(CLAIMED);
    }

    @Test
    void a_co_unit_may_not_claim_completion() {
        fixture.given(ASSIGNED_EVENT)
               .when(new ClaimCompletionCommand(TASK, CO_UNIT_STAFF, "我们做完了", on("2026-03-30")))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.NOT_THE_LEAD_UNIT));
    }

    @Test
    void a_claim_waits_for_verification_before_another() {
        fixture.given(ASSIGNED_EVENT, CLAIMED)
               .when(new ClaimCompletionCommand(TASK, LEAD_HEAD, "再报", on("2026-03-31")))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.COMPLETION_ALREADY_CLAIMED));
    }

    @Test
    void the_supervision_group_verifies_and_the_claim_date_decides_on_time() {
        fixture.given(ASSIGNED_EVENT, CLAIMED)
               .when(new VerifyCompletionCommand(TASK, OFFICE, "材料齐全", on("2026-04-02")))
               .expectEvents(new CompletionVerifiedEvent(TASK, "材料齐全", on("2026-03-30"), DUE, true, on("2026-04-02")));
    }

    @Test
    void a_claim_after_the_due_date_is_verified_as_late() {
        CompletionClaimedEvent late = new CompletionClaimedEvent(TASK, "完成", on("2026-04-01"));
        fixture.given(ASSIGNED_EVENT, late)
               .when(new VerifyCompletionCommand(TASK, OFFICE, null, on("2026-04-02")))
               .expectEvents(new CompletionVerifiedEvent(TASK, null, on("2026-04-01"), DUE, false, on("2026-04-02")));
    }

    @Test
    void the_discipline_inspection_group_does_not_verify_work() {
        fixture.given(ASSIGNED_EVENT, CLAIMED)
               .when(new VerifyCompletionCommand(TASK, DISCIPLINE, null, on("2026-04-02")))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.NOT_PERMITTED));
    }

    @Test
    void nothing_to_verify_without_a_claim() {
        fixture.given(ASSIGNED_EVENT)
               .when(new VerifyCompletionCommand(TASK, OFFICE, null, on("2026-04-02")))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.NO_COMPLETION_CLAIMED));
    }

    @Test
    void a_rejected_claim_reopens_the_task_for_a_new_claim() {
        fixture.given(ASSIGNED_EVENT, CLAIMED, new CompletionRejectedEvent(TASK, "缺少验收报告", on("2026-03-31")))
               .when(new ClaimCompletionCommand(TASK, LEAD_HEAD, "补充验收报告", on("2026-03-31")))
               .expectEvents(new CompletionClaimedEvent(TASK, "补充验收报告", on("2026-03-31")));
    }

    @Test
    void a_rejection_needs_a_claim() {
        fixture.given(ASSIGNED_EVENT)
               .when(new RejectCompletionCommand(TASK, OFFICE, "不合格", on("2026-03-31")))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.NO_COMPLETION_CLAIMED));
    }

    @Test
    void nothing_is_reported_on_a_completed_task() {
        fixture.given(ASSIGNED_EVENT, CLAIMED,
                       new CompletionVerifiedEvent(TASK, null, on("2026-03-30"), DUE, true, on("2026-04-01")))
               .when(new ReportProgressCommand(TASK, LEAD_HEAD, 100, "补充", on("2026-04-02"), null))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.TASK_COMPLETED));
    }

    @Test
    void a_task_unit_requests_a_new_due_date_with_a_reason() {
        fixture.given(ASSIGNED_EVENT)
               .when(new RequestDeadlineChangeCommand(TASK, CO_UNIT_STAFF, LocalDate.parse("2026-04-15"), "资金未到位",
                       on("2026-03-25")))
               .expectEvents(new DeadlineChangeRequestedEvent(TASK, DUE, LocalDate.parse("2026-04-15"), "资金未到位",
                       on("2026-03-25")));
    }

    @Test
    void one_deadline_request_at_a_time_and_not_for_the_same_date() {
        DeadlineChangeRequestedEvent pending = new DeadlineChangeRequestedEvent(TASK, DUE, LocalDate.parse("2026-04-15"),
                "资金未到位", on("2026-03-25"));
        fixture.given(ASSIGNED_EVENT, pending)
               .when(new RequestDeadlineChangeCommand(TASK, LEAD_HEAD, LocalDate.parse("2026-04-20"), "再延", on("2026-03-26")))
               .expectException(refusedWith(ErrorCode.DEADLINE_CHANGE_PENDING));
        fixture.given(ASSIGNED_EVENT)
               .when(new RequestDeadlineChangeCommand(TASK, LEAD_HEAD, DUE, "不变", on("2026-03-26")))
               .expectException(refusedWith(ErrorCode.SAME_DUE_DATE));
    }

    @Test
    void the_lead_leader_approves_and_the_original_date_stays_in_history() {
        fixture.given(ASSIGNED_EVENT, new DeadlineChangeRequestedEvent(TASK, DUE, LocalDate.parse("2026-04-15"),
                       "资金未到位", on("2026-03-25")))
               .when(new DecideDeadlineChangeCommand(TASK, LEAD_LEADER, true, null, on("2026-03-26")))
               .expectEvents(new DeadlineChangedEvent(TASK, DUE, LocalDate.parse("2026-04-15"), "资金未到位",
                       new CadreId("leader-wang"), on("2026-03-26")));
    }

    @Test
    void the_lead_leader_may_decline() {
        fixture.given(ASSIGNED_EVENT, new DeadlineChangeRequestedEvent(TASK, DUE, LocalDate.parse("2026-04-15"),
                       "资金未到位", on("2026-03-25")))
               .when(new DecideDeadlineChangeCommand(TASK, LEAD_LEADER, false, "按期完成", on("2026-03-26")))
               .expectEvents(new DeadlineChangeDeclinedEvent(TASK, LocalDate.parse("2026-04-15"), "按期完成",
                       on("2026-03-26")));
    }

    @Test
    void only_the_lead_leader_decides_and_only_on_a_request() {
        fixture.given(ASSIGNED_EVENT, new DeadlineChangeRequestedEvent(TASK, DUE, LocalDate.parse("2026-04-15"),
                       "资金未到位", on("2026-03-25")))
               .when(new DecideDeadlineChangeCommand(TASK, OTHER_LEADER, true, null, on("2026-03-26")))
               .expectException(refusedWith(ErrorCode.NOT_THE_LEAD_LEADER));
        fixture.given(ASSIGNED_EVENT)
               .when(new DecideDeadlineChangeCommand(TASK, LEAD_LEADER, true, null, on("2026-03-26")))
               .expectException(refusedWith(ErrorCode.NO_DEADLINE_CHANGE_PENDING));
    }

    @Test
    void a_task_falls_at_risk_three_days_before_it_is_due_once() {
        fixture.given(ASSIGNED_EVENT)
               .when(new WatchDeadlineCommand(TASK, on("2026-03-28"), 3))
               .expectEvents(new TaskFellAtRiskEvent(TASK, DUE, on("2026-03-28")));
        fixture.given(ASSIGNED_EVENT, new TaskFellAtRiskEvent(TASK, DUE, on("2026-03-28")))
               .when(new WatchDeadlineCommand(TASK, on("2026-03-29"), 3))
               .expectNoEvents();
        fixture.given(ASSIGNED_EVENT)
               .when(new WatchDeadlineCommand(TASK, on("2026-03-27"), 3))
               .expectNoEvents();
    }

    @Test
    void a_missed_deadline_is_recorded_once_even_when_noticed_late() {
        fixture.given(ASSIGNED_EVENT)
               .when(new WatchDeadlineCommand(TASK, on("2026-04-05"), 3))
               .expectEvents(new DeadlineMissedEvent(TASK, DUE, on("2026-04-05")));
        fixture.given(ASSIGNED_EVENT, new DeadlineMissedEvent(TASK, DUE, on("2026-04-05")))
               .when(new WatchDeadlineCommand(TASK, on("2026-04-06"), 3))
               .expectNoEvents();
    }

    @Test
    void a_claim_does_not_stop_the_clock_but_a_verified_completion_does() {
        fixture.given(ASSIGNED_EVENT, CLAIMED)
               .when(new WatchDeadlineCommand(TASK, on("2026-04-01"), 3))
               .expectEvents(new DeadlineMissedEvent(TASK, DUE, on("2026-04-01")));
        fixture.given(ASSIGNED_EVENT, CLAIMED,
                       new CompletionVerifiedEvent(TASK, null, on("2026-03-30"), DUE, true, on("2026-03-30")))
               .when(new WatchDeadlineCommand(TASK, on("2026-04-01"), 3))
               .expectNoEvents();
    }

    @Test
    void a_new_due_date_is_watched_afresh() {
        LocalDate extended = LocalDate.parse("2026-04-15");
        fixture.given(ASSIGNED_EVENT, new DeadlineMissedEvent(TASK, DUE, on("2026-04-01")),
                       new DeadlineChangeRequestedEvent(TASK, DUE, extended, "资金未到位", on("2026-04-01")),
                       new DeadlineChangedEvent(TASK, DUE, extended, "资金未到位", new CadreId("leader-wang"), on("2026-04-02")))
               .when(new WatchDeadlineCommand(TASK, on("2026-04-16"), 3))
               .expectEvents(new DeadlineMissedEvent(TASK, extended, on("2026-04-16")));
    }

    @Test
    void a_due_date_set_by_a_leadership_decision_falls_at_risk_and_due_afresh() {
        LocalDate decided = LocalDate.parse("2026-04-15");
        TaskEscalatedEvent escalated = new TaskEscalatedEvent(TASK, TF, "难题", on("2026-03-20"));
        LeadershipDecisionAppliedEvent applied = new LeadershipDecisionAppliedEvent(TASK, TF,
                LeadershipMeeting.BUREAU_AFFAIRS_MEETING, "局务会〔2026〕3号", DUE, decided, new CadreId("leader-wang"),
                new UnitId("construction"), false, on("2026-04-02"));
        DeadlineMissedEvent missedFirst = new DeadlineMissedEvent(TASK, DUE, on("2026-04-01"));
        fixture.given(ASSIGNED_EVENT, escalated, missedFirst, applied)
               .when(new WatchDeadlineCommand(TASK, on("2026-04-12"), 3))
               .expectEvents(new TaskFellAtRiskEvent(TASK, decided, on("2026-04-12")))
               .expectResultMessagePayload(new DeadlineStanding(decided, decided, DUE, true));
        fixture.given(ASSIGNED_EVENT, escalated, missedFirst, applied,
                       new TaskFellAtRiskEvent(TASK, decided, on("2026-04-12")))
               .when(new WatchDeadlineCommand(TASK, on("2026-04-16"), 3))
               .expectEvents(new DeadlineMissedEvent(TASK, decided, on("2026-04-16")))
               .expectResultMessagePayload(new DeadlineStanding(decided, decided, decided, true));
    }

    @Test
    void a_decision_that_brings_the_date_forward_turns_the_task_yellow_by_the_new_date() {
        LocalDate earlier = LocalDate.parse("2026-03-20");
        TaskEscalatedEvent escalated = new TaskEscalatedEvent(TASK, TF, "难题", on("2026-03-10"));
        LeadershipDecisionAppliedEvent applied = new LeadershipDecisionAppliedEvent(TASK, TF,
                LeadershipMeeting.PARTY_GROUP_MEETING, "党组会〔2026〕6号", DUE, earlier, new CadreId("leader-wang"),
                new UnitId("construction"), false, on("2026-03-12"));
        fixture.given(ASSIGNED_EVENT, escalated, applied)
               .when(new WatchDeadlineCommand(TASK, on("2026-03-17"), 3))
               .expectEvents(new TaskFellAtRiskEvent(TASK, earlier, on("2026-03-17")));
    }

    @Test
    void a_finished_task_answers_the_watch_that_it_is_no_longer_open() {
        fixture.given(ASSIGNED_EVENT, CLAIMED,
                       new CompletionVerifiedEvent(TASK, null, on("2026-03-30"), DUE, true, on("2026-03-30")))
               .when(new WatchDeadlineCommand(TASK, on("2026-04-01"), 3))
               .expectNoEvents()
               .expectResultMessagePayload(new DeadlineStanding(DUE, null, null, false));
    }

    @Test
    void progress_still_counts_while_a_claim_waits() {
        fixture.given(ASSIGNED_EVENT, CLAIMED)
               .when(new ReportProgressCommand(TASK, LEAD_HEAD, 100, "验收材料已补齐", on("2026-03-31"), null))
               .expectEvents(new ProgressReportedEvent(TASK, 100, "验收材料已补齐", on("2026-03-31"), null));
    }

    private static final TaskForceId TF = new TaskForceId("tf-1");

    @Test
    void a_task_is_escalated_to_a_task_force_once() {
        fixture.given(ASSIGNED_EVENT)
               .when(new EscalateTaskCommand(TASK, TF, "加装电梯协调难", on("2026-03-10")))
               .expectEvents(new TaskEscalatedEvent(TASK, TF, "加装电梯协调难", on("2026-03-10")));
        fixture.given(ASSIGNED_EVENT, new TaskEscalatedEvent(TASK, TF, "加装电梯协调难", on("2026-03-10")))
               .when(new EscalateTaskCommand(TASK, TF, "加装电梯协调难", on("2026-03-10")))
               .expectNoEvents();
    }

    @Test
    void a_leadership_decision_sets_the_new_due_date_and_lead_once() {
        DecisionEffect effect = new DecisionEffect(LocalDate.parse("2026-05-31"), new CadreId("leader-li"),
                new UnitId("finance"), false);
        TaskEscalatedEvent escalated = new TaskEscalatedEvent(TASK, TF, "难题", on("2026-03-10"));
        LeadershipDecisionAppliedEvent applied = new LeadershipDecisionAppliedEvent(TASK, TF,
                LeadershipMeeting.PARTY_GROUP_MEETING, "党组会〔2026〕5号", DUE, LocalDate.parse("2026-05-31"),
                new CadreId("leader-li"), new UnitId("finance"), false, on("2026-03-20"));
        fixture.given(ASSIGNED_EVENT, escalated)
               .when(new ApplyLeadershipDecisionCommand(TASK, TF, LeadershipMeeting.PARTY_GROUP_MEETING,
                       "党组会〔2026〕5号", effect, on("2026-03-20")))
               .expectEvents(applied);
        fixture.given(ASSIGNED_EVENT, escalated, applied)
               .when(new ApplyLeadershipDecisionCommand(TASK, TF, LeadershipMeeting.PARTY_GROUP_MEETING,
                       "党组会〔2026〕5号", effect, on("2026-03-20")))
               .expectNoEvents();
    }

    @Test
    void after_a_decision_the_new_lead_unit_reports_and_the_old_one_may_not_claim() {
        TaskEscalatedEvent escalated = new TaskEscalatedEvent(TASK, TF, "难题", on("2026-03-10"));
        LeadershipDecisionAppliedEvent applied = new LeadershipDecisionAppliedEvent(TASK, TF,
                LeadershipMeeting.PARTY_GROUP_MEETING, "党组会〔2026〕5号", DUE, DUE, new CadreId("leader-wang"),
                new UnitId("finance"), true, on("2026-03-20"));
        fixture.given(ASSIGNED_EVENT, escalated, applied)
               .when(new ClaimCompletionCommand(TASK, LEAD_HEAD, "完成", on("2026-03-30")))
               .expectException(refusedWith(ErrorCode.NOT_THE_LEAD_UNIT));
        fixture.given(ASSIGNED_EVENT, escalated, applied)
               .when(new ClaimCompletionCommand(TASK, CO_UNIT_STAFF, "完成", on("2026-03-30")))
               .expectEvents(new CompletionClaimedEvent(TASK, "完成", on("2026-03-30")));
    }

    @Test
    void a_dissolved_task_force_releases_its_tasks_once() {
        TaskEscalatedEvent escalated = new TaskEscalatedEvent(TASK, TF, "难题", on("2026-03-10"));
        fixture.given(ASSIGNED_EVENT, escalated)
               .when(new ReleaseFromTaskForceCommand(TASK, TF, "已解决", on("2026-04-01")))
               .expectEvents(new TaskReleasedFromTaskForceEvent(TASK, TF, "已解决", on("2026-04-01")));
        fixture.given(ASSIGNED_EVENT)
               .when(new ReleaseFromTaskForceCommand(TASK, TF, "已解决", on("2026-04-01")))
               .expectNoEvents();
    }

    @Test
    void progress_names_the_milestone_it_reached_once() {
        TaskAssignedEvent withMilestones = new TaskAssignedEvent(TASK, "推进老旧小区改造", null,
                TaskSource.DIRECTORS_DELIBERATION_MEETING, null, new CadreId("leader-wang"), new UnitId("urban-renewal"),
                List.of(), DUE, YearMonth.parse("2026-03"), ASSIGNED,
                List.of(new Milestone("方案批复", LocalDate.parse("2026-03-10")),
                        new Milestone("全面开工", LocalDate.parse("2026-03-25"))));
        ProgressReportedEvent approved = new ProgressReportedEvent(TASK, 30, "方案已批复", on("2026-03-09"), "方案批复");
        fixture.given(withMilestones)
               .when(new ReportProgressCommand(TASK, LEAD_HEAD, 30, "方案已批复", on("2026-03-09"), "方案批复"))
               .expectEvents(approved);
        fixture.given(withMilestones, approved)
               .when(new ReportProgressCommand(TASK, LEAD_HEAD, 40, "再报", on("2026-03-10"), "方案批复"))
               .expectException(refusedWith(ErrorCode.MILESTONE_ALREADY_REACHED));
        fixture.given(withMilestones)
               .when(new ReportProgressCommand(TASK, LEAD_HEAD, 40, "竣工", on("2026-03-10"), "竣工验收"))
               .expectException(refusedWith(ErrorCode.UNKNOWN_MILESTONE));
    }

    @Test
    void only_a_recorded_decision_closes_a_task_by_cancelling_or_merging_it_once() {
        fixture.given(ASSIGNED_EVENT)
               .when(new CloseTaskByDecisionCommand(TASK, null, "meeting-2026-03", "上级已取消该项要求", on("2026-03-30")))
               .expectEvents(new TaskCancelledEvent(TASK, "meeting-2026-03", "上级已取消该项要求", on("2026-03-30")));
        TaskId other = new TaskId("task-2");
        TaskMergedEvent merged = new TaskMergedEvent(TASK, other, "meeting-2026-03", "与燃气整治合并推进", on("2026-03-30"));
        fixture.given(ASSIGNED_EVENT)
               .when(new CloseTaskByDecisionCommand(TASK, other, "meeting-2026-03", "与燃气整治合并推进", on("2026-03-30")))
               .expectEvents(merged);
        fixture.given(ASSIGNED_EVENT, merged)
               .when(new CloseTaskByDecisionCommand(TASK, null, "meeting-2026-04", "重复", on("2026-04-30")))
               .expectNoEvents();
        fixture.given(ASSIGNED_EVENT, merged)
               .when(new ReportProgressCommand(TASK, LEAD_HEAD, 50, "继续", on("2026-03-31"), null))
               .expectException(refusedWith(ErrorCode.TASK_CLOSED));
        fixture.given(ASSIGNED_EVENT, merged)
               .when(new WatchDeadlineCommand(TASK, on("2026-04-05"), 3))
               .expectNoEvents();
    }
}
