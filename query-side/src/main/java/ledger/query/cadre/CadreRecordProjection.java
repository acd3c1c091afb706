package ledger.query.cadre;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import ledger.kernel.bulletin.BulletinEntryAddedEvent;
import ledger.kernel.evaluation.ScoreCorrectedEvent;
import ledger.kernel.evaluation.ScoreRecordedEvent;
import ledger.kernel.evaluation.ScoreSubject;
import ledger.kernel.organisation.AssessmentCorrectedEvent;
import ledger.kernel.organisation.AssessmentRecordedEvent;
import ledger.kernel.organisation.BureauLeaderAppointedEvent;
import ledger.kernel.organisation.CadreAwardGrantedEvent;
import ledger.kernel.organisation.CadreLeftBureauEvent;
import ledger.kernel.organisation.CadreRegisteredEvent;
import ledger.kernel.organisation.CadreTransferredEvent;
import ledger.kernel.organisation.ErrorToleranceDecidedEvent;
import ledger.kernel.organisation.FrontLineWorkRecordedEvent;
import ledger.kernel.organisation.MistakeRecordedEvent;
import ledger.kernel.task.CompletionVerifiedEvent;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.LeadershipDecisionAppliedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskCancelledEvent;
import ledger.kernel.task.TaskEscalatedEvent;
import ledger.kernel.task.TaskMergedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Builds cadre records. Idempotent: a record lists the ids of the events applied to it and
 * ignores an event it already has. One segment, so events of a cadre and of the tasks they lead
 * are applied in order.
 */
@Component
@ProcessingGroup("cadre-records")
class CadreRecordProjection {

    /** Scores share the owner lookup with tasks, under their own key prefix. */
    private static final String SCORE = "score:";

    private final CadreRecords records;

    CadreRecordProjection(CadreRecords records) {
        this.records = records;
    }

    /** A rebuild starts from nothing: records, their kept versions and the owner lookup are made again. */
    @ResetHandler
    void reset() {
        records.clear();
    }

    @EventHandler
    void on(CadreRegisteredEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        if (records.record(event.cadreId().value()).isPresent()) {
            return;
        }
        records.save(CadreRecordView.registered(event.cadreId().value(), event.name(), event.unitId().value(),
                event.position(), event.partyMember(), event.since(),
                new CadreRecordView.Posting(event.unitId().value(), event.position(), event.since(), null, eventId),
                eventId, position(token)));
    }

    @EventHandler
    void on(CadreTransferredEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        update(event.cadreId().value(), eventId, token, r -> {
            r.postings.add(new CadreRecordView.Posting(event.toUnitId().value(), event.position(), event.effectiveOn(),
                    event.reason(), eventId));
            r.unitId = event.toUnitId().value();
            r.position = event.position();
            r.postedSince = event.effectiveOn();
        });
    }

    @EventHandler
    void on(BureauLeaderAppointedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        update(event.cadreId().value(), eventId, token, r -> r.leadership = new CadreRecordView.Leadership(event.title(),
                event.areasInCharge(), event.inChargeOfPersonnel(), event.effectiveOn(), eventId));
    }

    @EventHandler
    void on(CadreLeftBureauEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        update(event.cadreId().value(), eventId, token, r -> r.leftBureauOn = event.effectiveOn());
    }

    @EventHandler
    void on(AssessmentRecordedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        update(event.cadreId().value(), eventId, token, r -> r.assessments.add(new CadreRecordView.AssessmentItem(
                event.assessmentId(), event.kind().name(), event.period(), event.periodEnd(), event.grade().name(),
                event.grade().label(), null, null, List.of(eventId))));
    }

    @EventHandler
    void on(AssessmentCorrectedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        update(event.cadreId().value(), eventId, token, r -> r.assessments.replaceAll(a -> a.assessmentId()
                .equals(event.assessmentId()) ? new CadreRecordView.AssessmentItem(a.assessmentId(), a.kind(), a.period(),
                a.periodEnd(), event.newGrade().name(), event.newGrade().label(),
                a.originalGrade() != null ? a.originalGrade() : event.originalGrade().name(), event.reason(),
                with(a.eventIds(), eventId)) : a));
    }

    @EventHandler
    void on(CadreAwardGrantedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        update(event.cadreId().value(), eventId, token, r -> r.awards.add(new CadreRecordView.AwardItem(event.award().name(),
                event.award().label(), event.year(), event.citation(), eventId)));
    }

    @EventHandler
    void on(FrontLineWorkRecordedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        update(event.cadreId().value(), eventId, token, r -> r.frontLine.add(new CadreRecordView.FrontLineItem(
                event.kind().name(), event.kind().label(), event.taskId().value(), event.performance(), event.on(),
                eventId)));
    }

    @EventHandler
    void on(MistakeRecordedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        update(event.cadreId().value(), eventId, token, r -> r.mistakes.add(new CadreRecordView.MistakeItem(event.mistakeId(),
                event.description(), event.occurredOn(), null, List.of(eventId))));
    }

    /** The excuse is shown beside the mistake; the mistake itself stays on the record. */
    @EventHandler
    void on(ErrorToleranceDecidedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        update(event.cadreId().value(), eventId, token, r -> r.mistakes.replaceAll(m -> m.mistakeId().equals(event.mistakeId())
                ? new CadreRecordView.MistakeItem(m.mistakeId(), m.description(), m.occurredOn(),
                new CadreRecordView.ErrorTolerance(event.experimentVersusViolation(), event.publicVersusPrivate(),
                        event.unawareVersusKnowing(), event.partyGroupDecisionRef(), eventId),
                with(m.eventIds(), eventId)) : m));
    }

    @EventHandler
    void on(BulletinEntryAddedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        String month = event.bulletinId().value().substring("bulletin-".length());
        for (String cadre : event.entry().cadreIds()) {
            update(cadre, eventId, token, r -> r.bulletinMentions.add(new CadreRecordView.BulletinMention(month,
                    event.entry().entryId(), event.entry().kind().name(), event.entry().text(), eventId)));
        }
    }

    @EventHandler
    void on(ScoreRecordedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        if (event.subject().kind() != ScoreSubject.Kind.CADRE) {
            return;
        }
        records.rememberOwner(SCORE + event.scoreId().value(), event.subject().id());
        update(event.subject().id(), eventId, token, r -> r.scores.add(new CadreRecordView.ScoreItem(event.scoreId().value(),
                event.month().toString(), event.dimension(), event.scale().min(), event.scale().max(), event.value(),
                null, null, List.of(eventId))));
    }

    @EventHandler
    void on(ScoreCorrectedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        String score = event.scoreId().value();
        records.ownerOf(SCORE + score).ifPresent(cadre -> update(cadre, eventId, token, r -> r.scores.replaceAll(s -> s.scoreId()
                .equals(score) ? new CadreRecordView.ScoreItem(s.scoreId(), s.month(), s.dimension(), s.scaleMin(),
                s.scaleMax(), event.newValue(), s.originalValue() != null ? s.originalValue() : event.originalValue(),
                event.reason(), with(s.eventIds(), eventId)) : s)));
    }

    @EventHandler
    void on(TaskAssignedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        records.rememberOwner(event.taskId().value(), event.leadLeaderId().value());
        update(event.leadLeaderId().value(), eventId, token, r -> r.tasksLed.add(new CadreRecordView.TaskLed(
                event.taskId().value(), event.title(), event.ledgerMonth().toString(), event.dueDate(), "OPEN", false,
                false, List.of(eventId))));
    }

    @EventHandler
    void on(TaskEscalatedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        updateTask(event.taskId().value(), eventId, token, t -> new CadreRecordView.TaskLed(t.taskId(), t.title(),
                t.ledgerMonth(), t.dueDate(), t.outcome(), true, t.deadlineMissed(), with(t.eventIds(), eventId)));
    }

    @EventHandler
    void on(DeadlineMissedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        updateTask(event.taskId().value(), eventId, token, t -> new CadreRecordView.TaskLed(t.taskId(), t.title(),
                t.ledgerMonth(), t.dueDate(), t.outcome(), t.escalated(), true, with(t.eventIds(), eventId)));
    }

    @EventHandler
    void on(CompletionVerifiedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        outcome(event.taskId().value(), eventId, token, event.onTime() ? "COMPLETED_ON_TIME" : "COMPLETED_LATE");
    }

    @EventHandler
    void on(TaskCancelledEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        outcome(event.taskId().value(), eventId, token, "CANCELLED");
    }

    @EventHandler
    void on(TaskMergedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        outcome(event.taskId().value(), eventId, token, "MERGED");
    }

    /** A decision may hand the task to another lead leader: it moves to their record from then on. */
    @EventHandler
    void on(LeadershipDecisionAppliedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        String task = event.taskId().value();
        Optional<String> previous = records.ownerOf(task);
        String next = event.leadLeaderId().value();
        UnaryOperator<CadreRecordView.TaskLed> redated = t -> new CadreRecordView.TaskLed(t.taskId(), t.title(),
                t.ledgerMonth(), event.dueDate(), t.outcome(), t.escalated(), t.deadlineMissed(),
                with(t.eventIds(), eventId));
        if (previous.isEmpty() || previous.get().equals(next)) {
            updateTask(task, eventId, token, redated);
            return;
        }
        CadreRecordView.TaskLed[] moved = new CadreRecordView.TaskLed[1];
        update(previous.get(), eventId, token, r -> {
            r.tasksLed.stream().filter(t -> t.taskId().equals(task)).findFirst().ifPresent(t -> moved[0] = t);
            r.tasksLed.removeIf(t -> t.taskId().equals(task));
        });
        records.rememberOwner(task, next);
        if (moved[0] != null) {
            update(next, eventId, token, r -> r.tasksLed.add(redated.apply(moved[0])));
        }
    }

    private void outcome(String task, String eventId, TrackingToken token, String outcome) {
        updateTask(task, eventId, token, t -> new CadreRecordView.TaskLed(t.taskId(), t.title(), t.ledgerMonth(), t.dueDate(),
                outcome, t.escalated(), t.deadlineMissed(), with(t.eventIds(), eventId)));
    }

    private void updateTask(String task, String eventId, TrackingToken token,
                            UnaryOperator<CadreRecordView.TaskLed> change) {
        records.ownerOf(task).ifPresent(leader -> update(leader, eventId, token,
                r -> r.tasksLed.replaceAll(t -> t.taskId().equals(task) ? change.apply(t) : t)));
    }

    private void update(String cadre, String eventId, TrackingToken token, Consumer<CadreRecordView.Draft> change) {
        records.record(cadre)
               .filter(record -> !record.eventIds().contains(eventId))
               .ifPresent(record -> records.save(record.next(change, eventId, position(token))));
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static List<String> with(List<String> ids, String id) {
        List<String> all = new java.util.ArrayList<>(ids);
        all.add(id);
        return List.copyOf(all);
    }
}
