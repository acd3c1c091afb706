package ledger.query.taskforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.task.TaskId;
import ledger.kernel.taskforce.DecisionEffect;
import ledger.kernel.taskforce.FeasibilityOpinionSubmittedEvent;
import ledger.kernel.taskforce.LeadershipDecisionRecordedEvent;
import ledger.kernel.taskforce.LeadershipMeeting;
import ledger.kernel.taskforce.ProblemKind;
import ledger.kernel.taskforce.ProblemReferredEvent;
import ledger.kernel.taskforce.TaskForceDissolvedEvent;
import ledger.kernel.taskforce.TaskForceFormedEvent;
import ledger.kernel.taskforce.TaskForceId;
import ledger.kernel.taskforce.TaskForceMeetingHeldEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskForceProjectionTest {

    private static final TaskForceId TF = new TaskForceId("tf-1");
    private static final List<TaskId> TASKS = List.of(new TaskId("task-gas"));
    private static final TaskForceFormedEvent FORMED = new TaskForceFormedEvent(TF, "燃气管网产权不清",
            ProblemKind.BUSINESS, "城市更新", new CadreId("cadre-wang"), List.of(new UnitId("unit-b")), TASKS,
            Instant.parse("2026-03-21T02:00:00Z"));

    /** The task force views as a plain map. */
    static final class InMemoryTaskForceViews implements TaskForceViews {
        final Map<String, TaskForceView> taskForces = new LinkedHashMap<>();

        @Override
        public Optional<TaskForceView> find(String taskForceId) {
            return Optional.ofNullable(taskForces.get(taskForceId));
        }

        @Override
        public void save(TaskForceView taskForce) {
            taskForces.put(taskForce.taskForceId(), taskForce);
        }

        @Override
        public List<TaskForceView> all() {
            return List.copyOf(taskForces.values());
        }

        @Override
        public void clear() {
            taskForces.clear();
        }
    }

    private InMemoryTaskForceViews views;
    private TaskForceProjection projection;

    @BeforeEach
    void setUp() {
        views = new InMemoryTaskForceViews();
        projection = new TaskForceProjection(views);
    }

    private TaskForceView taskForce() {
        return views.find(TF.value()).orElseThrow();
    }

    @Test
    void a_formed_task_force_names_its_problem_lead_members_and_tasks() {
        projection.on(FORMED, 0);

        TaskForceView tf = taskForce();
        assertThat(tf.problem()).isEqualTo("燃气管网产权不清");
        assertThat(tf.kind()).isEqualTo("BUSINESS");
        assertThat(tf.area()).isEqualTo("城市更新");
        assertThat(tf.leadLeaderId()).isEqualTo("cadre-wang");
        assertThat(tf.memberUnitIds()).containsExactly("unit-b");
        assertThat(tf.taskIds()).containsExactly("task-gas");
        assertThat(tf.dissolved()).isFalse();
    }

    @Test
    void meetings_opinion_referral_decision_and_dissolution_are_kept_in_order() {
        projection.on(FORMED, 0);
        projection.on(new TaskForceMeetingHeldEvent(TF, LocalDate.parse("2026-03-22"), "议定先行整改",
                Instant.parse("2026-03-22T02:00:00Z")), 1);
        projection.on(new FeasibilityOpinionSubmittedEvent(TF, "燃气公司先行整改", Instant.parse("2026-03-23T02:00:00Z")), 2);
        projection.on(new ProblemReferredEvent(TF, LeadershipMeeting.PARTY_GROUP_MEETING,
                Instant.parse("2026-03-24T02:00:00Z")), 3);
        assertThat(taskForce().pendingReferral()).isEqualTo("PARTY_GROUP_MEETING");

        projection.on(new LeadershipDecisionRecordedEvent(TF, LeadershipMeeting.PARTY_GROUP_MEETING, "党组会〔2026〕7号",
                "同意先行整改", new DecisionEffect(LocalDate.parse("2026-04-30"), null, new UnitId("unit-a"), true),
                TASKS, Instant.parse("2026-03-25T02:00:00Z")), 4);
        TaskForceView decided = taskForce();
        assertThat(decided.pendingReferral()).isNull();
        assertThat(decided.decisions()).singleElement().satisfies(d -> {
            assertThat(d.decisionRef()).isEqualTo("党组会〔2026〕7号");
            assertThat(d.newDueDate()).isEqualTo(LocalDate.parse("2026-04-30"));
            assertThat(d.newLeadLeaderId()).isNull();
            assertThat(d.newLeadUnitId()).isEqualTo("unit-a");
            assertThat(d.problemResolved()).isTrue();
            assertThat(d.taskIds()).containsExactly("task-gas");
        });

        projection.on(new TaskForceDissolvedEvent(TF, "问题已解决", TASKS, Instant.parse("2026-03-26T02:00:00Z")), 5);
        TaskForceView done = taskForce();
        assertThat(done.meetings()).extracting(TaskForceView.MeetingHeld::minutes).containsExactly("议定先行整改");
        assertThat(done.opinions()).extracting(TaskForceView.Opinion::opinion).containsExactly("燃气公司先行整改");
        assertThat(done.referrals()).extracting(TaskForceView.Referral::meeting).containsExactly("PARTY_GROUP_MEETING");
        assertThat(done.outcome()).isEqualTo("问题已解决");
        assertThat(done.dissolved()).isTrue();
        assertThat(done.version()).isEqualTo(5);
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        projection.on(FORMED, 0);
        TaskForceMeetingHeldEvent held = new TaskForceMeetingHeldEvent(TF, LocalDate.parse("2026-03-22"), "纪要",
                Instant.parse("2026-03-22T02:00:00Z"));
        projection.on(held, 1);
        projection.on(held, 1);
        assertThat(taskForce().meetings()).hasSize(1);
    }
}
