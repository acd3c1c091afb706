package ledger.query.cadre;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import ledger.kernel.evaluation.ScoreCorrectedEvent;
import ledger.kernel.evaluation.ScoreRecordedEvent;
import ledger.kernel.evaluation.ScoreSubject;
import ledger.kernel.organisation.BureauLeaderAppointedEvent;
import ledger.kernel.organisation.CadreRegisteredEvent;
import ledger.kernel.organisation.CadreTransferredEvent;
import ledger.kernel.task.CompletionVerifiedEvent;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.LeadershipDecisionAppliedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskCancelledEvent;
import ledger.kernel.task.TaskEscalatedEvent;
import ledger.kernel.task.TaskMergedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
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

    @EventHandler
    void on(CadreRegisteredEvent event, @MessageIdentifier String eventId) {
        if (records.record(event.cadreId().value()).isPresent()) {
            return;
        }
        records.save(new CadreRecordView(event.cadreId().value(), event.name(), event.unitId().value(), event.position(),
                event.partyMember(), event.since(), null,
                List.of(new CadreRecordView.Posting(event.unitId().value(), event.position(), event.since(), null, eventId)),
                List.of(), List.of(), List.of(eventId)));
    }

    @EventHandler
    void on(CadreTransferredEvent event, @MessageIdentifier String eventId) {
        update(event.cadreId().value(), eventId, record -> {
            List<CadreRecordView.Posting> postings = new ArrayList<>(record.postings());
            postings.add(new CadreRecordView.Posting(event.toUnitId().value(), event.position(), event.effectiveOn(),
                    event.reason(), eventId));
            return new CadreRecordView(record.cadreId(), record.name(), event.toUnitId().value(), event.position(),
                    record.partyMember(), event.effectiveOn(), record.leadership(), postings, record.tasksLed(),
                    record.scores(), with(record.eventIds(), eventId));
        });
    }

    @EventHandler
    void on(BureauLeaderAppointedEvent event, @MessageIdentifier String eventId) {
        update(event.cadreId().value(), eventId, record -> new CadreRecordView(record.cadreId(), record.name(),
                record.unitId(), record.position(), record.partyMember(), record.postedSince(),
                new CadreRecordView.Leadership(event.title(), event.areasInCharge(), event.inChargeOfPersonnel(),
                        event.effectiveOn(), eventId),
                record.postings(), record.tasksLed(), record.scores(), with(record.eventIds(), eventId)));
    }

    @EventHandler
    void on(TaskAssignedEvent event, @MessageIdentifier String eventId) {
        records.rememberOwner(event.taskId().value(), event.leadLeaderId().value());
        update(event.leadLeaderId().value(), eventId, record -> withTasks(record, eventId, tasks -> {
            tasks.add(new CadreRecordView.TaskLed(event.taskId().value(), event.title(), event.ledgerMonth().toString(),
                    event.dueDate(), "OPEN", false, false, List.of(eventId)));
            return tasks;
        }));
    }

    @EventHandler
    void on(TaskEscalatedEvent event, @MessageIdentifier String eventId) {
        updateTask(event.taskId().value(), eventId, task -> new CadreRecordView.TaskLed(task.taskId(), task.title(),
                task.ledgerMonth(), task.dueDate(), task.outcome(), true, task.deadlineMissed(),
                with(task.eventIds(), eventId)));
    }

    @EventHandler
    void on(DeadlineMissedEvent event, @MessageIdentifier String eventId) {
        updateTask(event.taskId().value(), eventId, task -> new CadreRecordView.TaskLed(task.taskId(), task.title(),
                task.ledgerMonth(), task.dueDate(), task.outcome(), task.escalated(), true,
                with(task.eventIds(), eventId)));
    }

    @EventHandler
    void on(CompletionVerifiedEvent event, @MessageIdentifier String eventId) {
        outcome(event.taskId().value(), eventId, event.onTime() ? "COMPLETED_ON_TIME" : "COMPLETED_LATE");
    }

    @EventHandler
    void on(TaskCancelledEvent event, @MessageIdentifier String eventId) {
        outcome(event.taskId().value(), eventId, "CANCELLED");
    }

    @EventHandler
    void on(TaskMergedEvent event, @MessageIdentifier String eventId) {
        outcome(event.taskId().value(), eventId, "MERGED");
    }

    /** A decision may hand the task to another lead leader: it moves to their record from then on. */
    @EventHandler
    void on(LeadershipDecisionAppliedEvent event, @MessageIdentifier String eventId) {
        String task = event.taskId().value();
        Optional<String> previous = records.ownerOf(task);
        String next = event.leadLeaderId().value();
        if (previous.isEmpty() || previous.get().equals(next)) {
            updateTask(task, eventId, t -> new CadreRecordView.TaskLed(t.taskId(), t.title(), t.ledgerMonth(),
                    event.dueDate(), t.outcome(), t.escalated(), t.deadlineMissed(), with(t.eventIds(), eventId)));
            return;
        }
        CadreRecordView.TaskLed[] moved = new CadreRecordView.TaskLed[1];
        update(previous.get(), eventId, record -> withTasks(record, eventId, tasks -> {
            tasks.stream().filter(t -> t.taskId().equals(task)).findFirst().ifPresent(t -> moved[0] = t);
            tasks.removeIf(t -> t.taskId().equals(task));
            return tasks;
        }));
        records.rememberOwner(task, next);
        if (moved[0] != null) {
            CadreRecordView.TaskLed t = moved[0];
            update(next, eventId, record -> withTasks(record, eventId, tasks -> {
                tasks.add(new CadreRecordView.TaskLed(t.taskId(), t.title(), t.ledgerMonth(), event.dueDate(),
                        t.outcome(), t.escalated(), t.deadlineMissed(), with(t.eventIds(), eventId)));
                return tasks;
            }));
        }
    }

    @EventHandler
    void on(ScoreRecordedEvent event, @MessageIdentifier String eventId) {
        if (event.subject().kind() != ScoreSubject.Kind.CADRE) {
            return;
        }
        records.rememberOwner(SCORE + event.scoreId().value(), event.subject().id());
        update(event.subject().id(), eventId, record -> withScores(record, eventId, scores -> {
            scores.add(new CadreRecordView.ScoreItem(event.scoreId().value(), event.month().toString(), event.dimension(),
                    event.scale().min(), event.scale().max(), event.value(), null, null, List.of(eventId)));
            return scores;
        }));
    }

    @EventHandler
    void on(ScoreCorrectedEvent event, @MessageIdentifier String eventId) {
        String score = event.scoreId().value();
        records.ownerOf(SCORE + score).ifPresent(cadre -> update(cadre, eventId, record -> withScores(record, eventId,
                scores -> {
                    scores.replaceAll(s -> s.scoreId().equals(score) ? new CadreRecordView.ScoreItem(s.scoreId(),
                            s.month(), s.dimension(), s.scaleMin(), s.scaleMax(), event.newValue(),
                            s.originalValue() != null ? s.originalValue() : event.originalValue(), event.reason(),
                            with(s.eventIds(), eventId)) : s);
                    return scores;
                })));
    }

    private static CadreRecordView withScores(CadreRecordView record, String eventId,
                                              UnaryOperator<List<CadreRecordView.ScoreItem>> change) {
        return new CadreRecordView(record.cadreId(), record.name(), record.unitId(), record.position(),
                record.partyMember(), record.postedSince(), record.leadership(), record.postings(), record.tasksLed(),
                List.copyOf(change.apply(new ArrayList<>(record.scores()))), with(record.eventIds(), eventId));
    }

    private void outcome(String task, String eventId, String outcome) {
        updateTask(task, eventId, t -> new CadreRecordView.TaskLed(t.taskId(), t.title(), t.ledgerMonth(), t.dueDate(),
                outcome, t.escalated(), t.deadlineMissed(), with(t.eventIds(), eventId)));
    }

    private void updateTask(String task, String eventId, UnaryOperator<CadreRecordView.TaskLed> change) {
        records.ownerOf(task).ifPresent(leader -> update(leader, eventId, record -> withTasks(record, eventId,
                tasks -> {
                    tasks.replaceAll(t -> t.taskId().equals(task) ? change.apply(t) : t);
                    return tasks;
                })));
    }

    private static CadreRecordView withTasks(CadreRecordView record, String eventId,
                                             UnaryOperator<List<CadreRecordView.TaskLed>> change) {
        return new CadreRecordView(record.cadreId(), record.name(), record.unitId(), record.position(),
                record.partyMember(), record.postedSince(), record.leadership(), record.postings(),
                List.copyOf(change.apply(new ArrayList<>(record.tasksLed()))), record.scores(),
                with(record.eventIds(), eventId));
    }

    private void update(String cadre, String eventId, UnaryOperator<CadreRecordView> change) {
        records.record(cadre)
               .filter(record -> !record.eventIds().contains(eventId))
               .ifPresent(record -> records.save(change.apply(record)));
    }

    private static List<String> with(List<String> ids, String id) {
        List<String> all = new ArrayList<>(ids);
        all.add(id);
        return List.copyOf(all);
    }
}
