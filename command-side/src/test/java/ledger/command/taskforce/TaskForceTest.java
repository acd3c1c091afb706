package ledger.command.taskforce;

import static ledger.command.Rules.refusedWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.task.TaskId;
import ledger.kernel.taskforce.DecisionEffect;
import ledger.kernel.taskforce.DissolveTaskForceCommand;
import ledger.kernel.taskforce.FeasibilityOpinionSubmittedEvent;
import ledger.kernel.taskforce.FormTaskForceCommand;
import ledger.kernel.taskforce.LeadFacts;
import ledger.kernel.taskforce.LeadershipDecisionRecordedEvent;
import ledger.kernel.taskforce.LeadershipMeeting;
import ledger.kernel.taskforce.ProblemKind;
import ledger.kernel.taskforce.ProblemReferredEvent;
import ledger.kernel.taskforce.RecordLeadershipDecisionCommand;
import ledger.kernel.taskforce.RecordTaskForceMeetingCommand;
import ledger.kernel.taskforce.ReferProblemCommand;
import ledger.kernel.taskforce.SubmitFeasibilityOpinionCommand;
import ledger.kernel.taskforce.TaskForceDissolvedEvent;
import ledger.kernel.taskforce.TaskForceFormedEvent;
import ledger.kernel.taskforce.TaskForceId;
import ledger.kernel.taskforce.TaskForceMeetingHeldEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskForceTest {

    private static final TaskForceId TF = new TaskForceId("tf-1");
    private static final CadreId ZHANG = new CadreId("leader-zhang");
    private static final Actor ZHANG_ACTS = new Actor("leader-zhang", Role.BUREAU_LEADER, null);
    private static final Actor OTHER_LEADER = new Actor("leader-li", Role.BUREAU_LEADER, null);
    private static final Actor OFFICE = new Actor("cadre-office", Role.BUREAU_OFFICE, null);
    private static final UnitId PERSONNEL_OFFICE = new UnitId("personnel-office");
    private static final UnitId URBAN = new UnitId("urban-renewal");
    private static final List<TaskId> TASKS = List.of(new TaskId("task-1"), new TaskId("task-2"));
    private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");
    private static final TaskForceFormedEvent FORMED = new TaskForceFormedEvent(TF, "老旧小区加装电梯协调难",
            ProblemKind.BUSINESS, "城市更新", ZHANG, List.of(URBAN), TASKS, NOW);
    private static final FeasibilityOpinionSubmittedEvent OPINION =
            new FeasibilityOpinionSubmittedEvent(TF, "建议财政补贴并简化审批", NOW);
    private static final ProblemReferredEvent REFERRED =
            new ProblemReferredEvent(TF, LeadershipMeeting.PARTY_GROUP_MEETING, NOW);

    private AggregateTestFixture<TaskForce> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TaskForce.class);
    }

    private static LeadFacts leader(boolean personnel, String... areas) {
        return new LeadFacts(true, personnel, List.of(areas), PERSONNEL_OFFICE);
    }

    @Test
    void a_business_task_force_is_led_by_the_leader_in_charge_of_its_area() {
        fixture.givenNoPriorActivity()
               .when(new FormTaskForceCommand(TF, ZHANG_ACTS, "老旧小区加装电梯协调难", ProblemKind.BUSINESS, "城市更新", ZHANG,
                       leader(false, "城市更新", "建筑市场"), List.of(URBAN), TASKS, NOW))
               .expectEvents(FORMED);
    }

    @Test
    void a_business_task_force_under_a_leader_of_another_area_is_refused() {
        fixture.givenNoPriorActivity()
               .when(new FormTaskForceCommand(TF, ZHANG_ACTS, "难题", ProblemKind.BUSINESS, "城市更新", ZHANG,
                       leader(false, "住房保障"), List.of(URBAN), TASKS, NOW))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.NOT_IN_CHARGE_OF_AREA));
    }

    @Test
    void a_personnel_task_force_is_led_by_the_leader_in_charge_of_personnel_with_the_personnel_office() {
        fixture.givenNoPriorActivity()
               .when(new FormTaskForceCommand(TF, ZHANG_ACTS, "干部缺编", ProblemKind.PERSONNEL, null, ZHANG,
                       leader(true), List.of(PERSONNEL_OFFICE, URBAN), TASKS, NOW))
               .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
               .when(new FormTaskForceCommand(TF, ZHANG_ACTS, "干部缺编", ProblemKind.PERSONNEL, null, ZHANG,
                       leader(false, "城市更新"), List.of(PERSONNEL_OFFICE), TASKS, NOW))
               .expectException(refusedWith(ErrorCode.PERSONNEL_TASK_FORCE_LEAD));
        fixture.givenNoPriorActivity()
               .when(new FormTaskForceCommand(TF, ZHANG_ACTS, "干部缺编", ProblemKind.PERSONNEL, null, ZHANG,
                       leader(true), List.of(URBAN), TASKS, NOW))
               .expectException(refusedWith(ErrorCode.PERSONNEL_OFFICE_NOT_A_MEMBER));
    }

    @Test
    void only_a_bureau_leader_leads_a_task_force() {
        fixture.givenNoPriorActivity()
               .when(new FormTaskForceCommand(TF, ZHANG_ACTS, "难题", ProblemKind.BUSINESS, "城市更新", ZHANG,
                       new LeadFacts(false, false, List.of(), PERSONNEL_OFFICE), List.of(URBAN), TASKS, NOW))
               .expectException(refusedWith(ErrorCode.NOT_A_BUREAU_LEADER));
    }

    @Test
    void the_lead_records_meetings_and_only_the_lead() {
        fixture.given(FORMED)
               .when(new RecordTaskForceMeetingCommand(TF, ZHANG_ACTS, LocalDate.parse("2026-03-12"), "研究补贴方案", NOW))
               .expectEvents(new TaskForceMeetingHeldEvent(TF, LocalDate.parse("2026-03-12"), "研究补贴方案", NOW));
        fixture.given(FORMED)
               .when(new RecordTaskForceMeetingCommand(TF, OTHER_LEADER, LocalDate.parse("2026-03-12"), "越权", NOW))
               .expectException(refusedWith(ErrorCode.NOT_THE_TASK_FORCE_LEAD));
    }

    @Test
    void a_problem_is_referred_only_with_an_opinion_and_once_at_a_time() {
        fixture.given(FORMED)
               .when(new ReferProblemCommand(TF, ZHANG_ACTS, LeadershipMeeting.PARTY_GROUP_MEETING, NOW))
               .expectException(refusedWith(ErrorCode.OPINION_REQUIRED));
        fixture.given(FORMED, OPINION)
               .when(new ReferProblemCommand(TF, ZHANG_ACTS, LeadershipMeeting.PARTY_GROUP_MEETING, NOW))
               .expectEvents(REFERRED);
        fixture.given(FORMED, OPINION, REFERRED)
               .when(new ReferProblemCommand(TF, ZHANG_ACTS, LeadershipMeeting.BUREAU_AFFAIRS_MEETING, NOW))
               .expectException(refusedWith(ErrorCode.REFERRAL_PENDING));
    }

    @Test
    void the_decision_of_the_meeting_referred_to_is_recorded_with_the_linked_tasks() {
        DecisionEffect effect = new DecisionEffect(LocalDate.parse("2026-05-31"), null, null, false);
        fixture.given(FORMED, OPINION, REFERRED)
               .when(new RecordLeadershipDecisionCommand(TF, OFFICE, LeadershipMeeting.PARTY_GROUP_MEETING,
                       "党组会〔2026〕5号", "同意补贴方案，时限延至5月底", effect, NOW))
               .expectEvents(new LeadershipDecisionRecordedEvent(TF, LeadershipMeeting.PARTY_GROUP_MEETING,
                       "党组会〔2026〕5号", "同意补贴方案，时限延至5月底", effect, TASKS, NOW));
        fixture.given(FORMED, OPINION, REFERRED)
               .when(new RecordLeadershipDecisionCommand(TF, OFFICE, LeadershipMeeting.BUREAU_AFFAIRS_MEETING,
                       "局务会〔2026〕3号", "另议", effect, NOW))
               .expectException(refusedWith(ErrorCode.NOT_REFERRED_TO_THIS_MEETING));
    }

    @Test
    void a_dissolved_task_force_takes_no_more_steps() {
        fixture.given(FORMED)
               .when(new DissolveTaskForceCommand(TF, ZHANG_ACTS, "难题已解决", NOW))
               .expectEvents(new TaskForceDissolvedEvent(TF, "难题已解决", TASKS, NOW));
        fixture.given(FORMED, new TaskForceDissolvedEvent(TF, "难题已解决", TASKS, NOW))
               .when(new SubmitFeasibilityOpinionCommand(TF, ZHANG_ACTS, "迟到的意见", NOW))
               .expectException(refusedWith(ErrorCode.TASK_FORCE_DISSOLVED));
    }

    @Test
    void a_leader_forms_only_a_task_force_they_lead_themselves() {
        fixture.givenNoPriorActivity()
               .when(new FormTaskForceCommand(TF, OTHER_LEADER, "老旧小区加装电梯协调难", ProblemKind.BUSINESS, "城市更新", ZHANG,
                       leader(false, "城市更新"), List.of(URBAN), TASKS, NOW))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.NOT_THE_TASK_FORCE_LEAD));
    }

}
