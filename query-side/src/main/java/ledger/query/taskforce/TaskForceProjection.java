package ledger.query.taskforce;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import ledger.kernel.organisation.UnitId;
import ledger.kernel.task.TaskId;
import ledger.kernel.taskforce.DecisionEffect;
import ledger.kernel.taskforce.FeasibilityOpinionSubmittedEvent;
import ledger.kernel.taskforce.LeadershipDecisionRecordedEvent;
import ledger.kernel.taskforce.ProblemReferredEvent;
import ledger.kernel.taskforce.TaskForceDissolvedEvent;
import ledger.kernel.taskforce.TaskForceFormedEvent;
import ledger.kernel.taskforce.TaskForceId;
import ledger.kernel.taskforce.TaskForceMeetingHeldEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** Builds the task forces' records; idempotent through the task force's event sequence number. */
@Component
@ProcessingGroup(TaskForceReader.PROCESSOR)
class TaskForceProjection {

    private final TaskForceViews views;

    TaskForceProjection(TaskForceViews views) {
        this.views = views;
    }

    @ResetHandler
    void reset() {
        views.clear();
    }

    @EventHandler
    void on(TaskForceFormedEvent event, @SequenceNumber long sequence) {
        if (views.find(event.taskForceId().value()).isEmpty()) {
            views.save(new TaskForceView(event.taskForceId().value(), event.problem(), event.kind().name(),
                    event.area(), event.leadLeaderId().value(),
                    event.memberUnitIds().stream().map(UnitId::value).toList(),
                    event.taskIds().stream().map(TaskId::value).toList(), event.formedAt(), List.of(), List.of(),
                    List.of(), List.of(), null, null, null, sequence));
        }
    }

    @EventHandler
    void on(TaskForceMeetingHeldEvent event, @SequenceNumber long sequence) {
        update(event.taskForceId(), sequence, d -> d.meetings.add(new TaskForceView.MeetingHeld(event.heldOn(),
                event.minutes(), event.recordedAt())));
    }

    @EventHandler
    void on(FeasibilityOpinionSubmittedEvent event, @SequenceNumber long sequence) {
        update(event.taskForceId(), sequence, d -> d.opinions.add(new TaskForceView.Opinion(event.opinion(),
                event.submittedAt())));
    }

    @EventHandler
    void on(ProblemReferredEvent event, @SequenceNumber long sequence) {
        update(event.taskForceId(), sequence, d -> {
            d.referrals.add(new TaskForceView.Referral(event.meeting().name(), event.referredAt()));
            d.pendingReferral = event.meeting().name();
        });
    }

    @EventHandler
    void on(LeadershipDecisionRecordedEvent event, @SequenceNumber long sequence) {
        DecisionEffect effect = event.effect();
        update(event.taskForceId(), sequence, d -> {
            d.decisions.add(new TaskForceView.Decision(event.meeting().name(), event.decisionRef(), event.decision(),
                    effect.newDueDate(), effect.newLeadLeaderId() == null ? null : effect.newLeadLeaderId().value(),
                    effect.newLeadUnitId() == null ? null : effect.newLeadUnitId().value(), effect.problemResolved(),
                    event.taskIds().stream().map(TaskId::value).toList(), event.recordedAt()));
            d.pendingReferral = null;
        });
    }

    @EventHandler
    void on(TaskForceDissolvedEvent event, @SequenceNumber long sequence) {
        update(event.taskForceId(), sequence, d -> {
            d.outcome = event.outcome();
            d.dissolvedAt = event.dissolvedAt();
        });
    }

    /** The lists and fields an event may change, copied from the view and back. */
    private static final class Draft {
        final List<TaskForceView.MeetingHeld> meetings;
        final List<TaskForceView.Opinion> opinions;
        final List<TaskForceView.Referral> referrals;
        final List<TaskForceView.Decision> decisions;
        String pendingReferral;
        String outcome;
        java.time.Instant dissolvedAt;

        Draft(TaskForceView view) {
            meetings = new ArrayList<>(view.meetings());
            opinions = new ArrayList<>(view.opinions());
            referrals = new ArrayList<>(view.referrals());
            decisions = new ArrayList<>(view.decisions());
            pendingReferral = view.pendingReferral();
            outcome = view.outcome();
            dissolvedAt = view.dissolvedAt();
        }

        TaskForceView applyTo(TaskForceView v, long version) {
            return new TaskForceView(v.taskForceId(), v.problem(), v.kind(), v.area(), v.leadLeaderId(),
                    v.memberUnitIds(), v.taskIds(), v.formedAt(), List.copyOf(meetings), List.copyOf(opinions),
                    List.copyOf(referrals), List.copyOf(decisions), pendingReferral, outcome, dissolvedAt, version);
        }
    }

    private void update(TaskForceId id, long sequence, Consumer<Draft> change) {
        views.find(id.value()).filter(v -> sequence > v.version()).ifPresent(v -> {
            Draft draft = new Draft(v);
            change.accept(draft);
            views.save(draft.applyTo(v, sequence));
        });
    }
}
