package ledger.query.cadre;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import ledger.kernel.bulletin.BulletinEntryAddedEvent;
import ledger.kernel.bulletin.BulletinPublishedEvent;
import ledger.kernel.bulletin.ErratumPublishedEvent;
import ledger.kernel.evaluation.ScoreCorrectedEvent;
import ledger.kernel.evaluation.ScoreRecordedEvent;
import ledger.kernel.evaluation.ScoreSubject;
import ledger.kernel.organisation.AssessmentCorrectedEvent;
import ledger.kernel.organisation.AssessmentCorrectionRequestedEvent;
import ledger.kernel.organisation.AssessmentRecordedEvent;
import ledger.kernel.organisation.BureauLeaderAppointedEvent;
import ledger.kernel.organisation.CadreAwardGrantedEvent;
import ledger.kernel.organisation.CadreLeftBureauEvent;
import ledger.kernel.organisation.CadreRegisteredEvent;
import ledger.kernel.organisation.CadreTransferredEvent;
import ledger.kernel.organisation.ErrorToleranceDecidedEvent;
import ledger.kernel.organisation.FrontLineWorkRecordedEvent;
import ledger.kernel.organisation.MistakeRecordedEvent;
import ledger.kernel.organisation.UnitHeadAppointedEvent;
import ledger.kernel.organisation.UnitHeadshipEndedEvent;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.task.CompletionVerifiedEvent;
import ledger.kernel.task.DeadlineChangedEvent;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.LeadershipDecisionAppliedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskCancelledEvent;
import ledger.kernel.task.TaskEscalatedEvent;
import ledger.kernel.task.TaskMergedEvent;
import ledger.kernel.task.UrgingNoticeAnsweredEvent;
import ledger.kernel.task.UrgingNoticeIssuedEvent;
import ledger.kernel.task.UrgingNoticeWentUnansweredEvent;
import ledger.query.bulletin.BulletinMention;
import ledger.query.bulletin.BulletinView;
import ledger.query.cadre.RecordFacts.BulletinFacts;
import ledger.query.cadre.RecordFacts.TaskFacts;
import ledger.query.cadre.RecordFacts.UnitFacts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Builds cadre records. Idempotent: a record lists the ids of the events applied to it and
 * ignores an event it already has, and so do the facts kept beside the records. One segment, so
 * events of cadres, units, tasks and bulletins are applied in the order they were stored.
 *
 * <p>A key task is on two records: its lead leader's ({@code tasksLed}) and, while a head of its
 * lead unit is recorded for the day the unit took the lead, that head's
 * ({@code tasksLedAsUnitHead}). A leadership decision that hands the task to another leader or
 * unit moves it; an appointment or end of a headship (also one recorded later for an earlier
 * day) moves the unit's tasks of the days it covers. An event writes every record it changes
 * first and the facts last, so a redelivery after a crash in between finishes the job.
 *
 * <p>Bulletin entries reach records only when the bulletin is published (drafts are the
 * supervision group's), then with the errata beside them.
 */
@Component
@ProcessingGroup("cadre-records")
class CadreRecordProjection {

    /** Scores keep their owner lookup under their own key prefix. */
    private static final String SCORE = "score:";
    /** An urging notice's record: its lead unit's head on the day it was issued. */
    private static final String URGING = "urging:";

    private final CadreRecords records;

    CadreRecordProjection(CadreRecords records) {
        this.records = records;
    }

    /** A rebuild starts from nothing: records, their kept versions and the facts are made again. */
    @ResetHandler
    void reset() {
        records.clear();
    }

    @EventHandler
    void on(CadreRegisteredEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        if (records.record(event.cadreId().value()).isPresent()) {
            return;
        }
        // a member of the bureau's leadership (局领导班子) is registered in no unit
        String unit = event.unitId() == null ? null : event.unitId().value();
        records.save(CadreRecordView.registered(event.cadreId().value(), event.name(), unit, event.position(),
                event.partyMember(), event.since(), new CadreRecordView.Posting(unit, event.position(), event.since(),
                        null, eventId), eventId, position(token)));
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
                event.grade().label(), null, null, List.of(eventId), null)));
    }

    @EventHandler
    void on(AssessmentCorrectionRequestedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        CadreRecordView.PendingCorrection pending = new CadreRecordView.PendingCorrection(event.newGrade().name(),
                event.newGrade().label(), event.reason(), event.requestedBy(), event.requestedAt());
        update(event.cadreId().value(), eventId, token, r -> r.assessments.replaceAll(a -> a.assessmentId()
                .equals(event.assessmentId()) ? a.withPending(pending, eventId) : a));
    }

    @EventHandler
    void on(AssessmentCorrectedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        update(event.cadreId().value(), eventId, token, r -> r.assessments.replaceAll(a -> a.assessmentId()
                .equals(event.assessmentId()) ? new CadreRecordView.AssessmentItem(a.assessmentId(), a.kind(), a.period(),
                a.periodEnd(), event.newGrade().name(), event.newGrade().label(),
                a.originalGrade() != null ? a.originalGrade() : event.originalGrade().name(), event.reason(),
                with(a.eventIds(), eventId), null) : a));
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

    // ---- bulletins: kept beside the records, shown on them once published

    @EventHandler
    void on(BulletinEntryAddedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        var entry = event.entry();
        BulletinFacts before = records.bulletin(event.bulletinId().value())
                .orElse(BulletinFacts.draft(event.bulletinId().value()));
        BulletinFacts after = before.eventIds().contains(eventId) ? before : before.withEntry(new BulletinFacts.Entry(
                entry.entryId(), entry.kind().name(), entry.text(), entry.cadreIds(), List.of(), eventId), eventId);
        Changes changes = new Changes();
        if (after.published()) {
            // the command side refuses entries once published; should one come, it is published as it stands
            after.entry(entry.entryId()).ifPresent(e -> showOnRecords(after, e, changes));
        }
        changes.apply(eventId, token);
        records.saveBulletin(after);
    }

    /** Publication puts every entry on the records of the cadres it names. */
    @EventHandler
    void on(BulletinPublishedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        BulletinFacts before = records.bulletin(event.bulletinId().value())
                .orElse(BulletinFacts.draft(event.bulletinId().value()));
        BulletinFacts after = before.eventIds().contains(eventId) ? before : before.publishedBy(eventId);
        Changes changes = new Changes();
        after.entries().forEach(entry -> showOnRecords(after, entry, changes));
        changes.apply(eventId, token);
        records.saveBulletin(after);
    }

    /** An erratum is shown beside the entry it corrects, which stays as published. */
    @EventHandler
    void on(ErratumPublishedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        Optional<BulletinFacts> found = records.bulletin(event.bulletinId().value());
        if (found.isEmpty() || found.get().entry(event.entryId()).isEmpty()) {
            return;
        }
        BulletinFacts before = found.get();
        BulletinFacts after = before.eventIds().contains(eventId) ? before : before.corrected(event.entryId(),
                new BulletinView.Erratum(event.correction(), event.reason(), event.publishedAt(), eventId));
        Changes changes = new Changes();
        if (after.published()) {
            showOnRecords(after, after.entry(event.entryId()).orElseThrow(), changes);
        }
        changes.apply(eventId, token);
        records.saveBulletin(after);
    }

    private static void showOnRecords(BulletinFacts bulletin, BulletinFacts.Entry entry, Changes changes) {
        BulletinMention mention = bulletin.mention(entry);
        for (String cadre : entry.cadreIds()) {
            changes.to(cadre, r -> upsert(r.bulletinMentions, mention, m -> m.month().equals(mention.month())
                    && m.entryId().equals(mention.entryId())));
        }
    }

    // ---- scores

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

    // ---- urging: on the record of the lead unit's head on the day of the notice

    @EventHandler
    void on(UrgingNoticeIssuedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        String unit = event.leadUnitId().value();
        records.unit(unit).flatMap(u -> u.headOn(BureauTime.dayOf(event.issuedAt()))).ifPresent(head -> {
            records.rememberOwner(URGING + event.noticeId().value(), head);
            update(head, eventId, token, r -> r.urgings.add(new CadreRecordView.UrgingItem(event.taskId().value(),
                    event.noticeId().value(), unit, event.reason(), event.expectation(), event.replyBy(),
                    BureauTime.dayOf(event.issuedAt()), null, false, false, List.of(eventId))));
        });
    }

    @EventHandler
    void on(UrgingNoticeAnsweredEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        urging(event.noticeId().value(), eventId, token, u -> new CadreRecordView.UrgingItem(u.taskId(), u.noticeId(),
                u.unitId(), u.reason(), u.expectation(), u.replyBy(), u.issuedOn(), BureauTime.dayOf(event.answeredAt()),
                event.late(), u.unanswered(), with(u.eventIds(), eventId)));
    }

    @EventHandler
    void on(UrgingNoticeWentUnansweredEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        urging(event.noticeId().value(), eventId, token, u -> new CadreRecordView.UrgingItem(u.taskId(), u.noticeId(),
                u.unitId(), u.reason(), u.expectation(), u.replyBy(), u.issuedOn(), u.answeredOn(), u.lateReply(), true,
                with(u.eventIds(), eventId)));
    }

    private void urging(String notice, String eventId, TrackingToken token, UnaryOperator<CadreRecordView.UrgingItem> change) {
        records.ownerOf(URGING + notice).ifPresent(head -> update(head, eventId, token,
                r -> r.urgings.replaceAll(u -> u.noticeId().equals(notice) ? change.apply(u) : u)));
    }

    // ---- who heads a unit when

    @EventHandler
    void on(UnitHeadAppointedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        String unit = event.unitId().value();
        headship(unit, event.cadreId().value(), eventId, token, u -> u.appointed(event.cadreId().value(),
                event.effectiveOn(), eventId), r -> r.unitHeadships.add(new CadreRecordView.UnitHeadship(unit,
                event.effectiveOn(), null, List.of(eventId))));
    }

    @EventHandler
    void on(UnitHeadshipEndedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        String unit = event.unitId().value();
        headship(unit, event.cadreId().value(), eventId, token, u -> u.ended(event.cadreId().value(),
                event.effectiveOn(), eventId), r -> r.unitHeadships.replaceAll(h -> h.unitId().equals(unit)
                && h.endedOn() == null ? new CadreRecordView.UnitHeadship(unit, h.from(), event.effectiveOn(),
                with(h.eventIds(), eventId)) : h));
    }

    /** A change of the unit's head: on the cadre's record, and the unit's tasks to the head of their day. */
    private void headship(String unit, String cadre, String eventId, TrackingToken token, UnaryOperator<UnitFacts> change,
                          Consumer<CadreRecordView.Draft> onRecord) {
        UnitFacts before = records.unit(unit).orElse(UnitFacts.none(unit));
        UnitFacts after = before.eventIds().contains(eventId) ? before : change.apply(before);
        Changes changes = new Changes();
        changes.to(cadre, onRecord);
        reattribute(after, changes);
        changes.save(after);
        changes.apply(eventId, token);
    }

    /** Moves each task of the unit to the record of the head in office on the day the unit took its lead. */
    private void reattribute(UnitFacts unit, Changes changes) {
        List<TaskFacts> tasks = new ArrayList<>(records.tasks(unit.taskIds()));
        tasks.sort(Comparator.comparing(TaskFacts::leadUnitSince, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(TaskFacts::taskId));
        for (TaskFacts task : tasks) {
            String head = unit.headOn(task.leadUnitSince()).orElse(null);
            if (Objects.equals(head, task.headRecord())) {
                continue;
            }
            CadreRecordView.TaskLed item = task.item();
            if (task.headRecord() != null) {
                changes.to(task.headRecord(), r -> r.tasksLedAsUnitHead.removeIf(t -> t.taskId().equals(task.taskId())));
            }
            if (head != null) {
                changes.to(head, r -> upsert(r.tasksLedAsUnitHead, item, t -> t.taskId().equals(item.taskId())));
            }
            changes.save(task.onRecordsOf(task.leaderRecord(), head));
        }
    }

    // ---- key tasks: on the lead leader's record and on the record of the lead unit's head

    @EventHandler
    void on(TaskAssignedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        String task = event.taskId().value();
        TaskFacts before = records.task(task).orElse(TaskFacts.assigned(task, event.title(),
                event.ledgerMonth().toString(), event.dueDate(), event.leadLeaderId().value(), event.leadUnitId().value(),
                BureauTime.dayOf(event.assignedAt())));
        apply(before, eventId, token, UnaryOperator.identity());
    }

    /** An approved deadline change: the due date in force is the new one. */
    @EventHandler
    void on(DeadlineChangedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        task(event.taskId().value(), eventId, token, t -> t.due(event.newDueDate()));
    }

    @EventHandler
    void on(TaskEscalatedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        task(event.taskId().value(), eventId, token, TaskFacts::markEscalated);
    }

    @EventHandler
    void on(DeadlineMissedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        task(event.taskId().value(), eventId, token, TaskFacts::markDeadlineMissed);
    }

    @EventHandler
    void on(CompletionVerifiedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        task(event.taskId().value(), eventId, token,
                t -> t.endedAs(event.onTime() ? "COMPLETED_ON_TIME" : "COMPLETED_LATE"));
    }

    @EventHandler
    void on(TaskCancelledEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        task(event.taskId().value(), eventId, token, t -> t.endedAs("CANCELLED"));
    }

    @EventHandler
    void on(TaskMergedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        task(event.taskId().value(), eventId, token, t -> t.endedAs("MERGED"));
    }

    /**
     * A decision sets the due date, lead leader and lead unit in force: the task moves to the new
     * leader's record, and to the record of the new unit's head on the day of the decision.
     */
    @EventHandler
    void on(LeadershipDecisionAppliedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        task(event.taskId().value(), eventId, token, t -> t.due(event.dueDate()).led(event.leadLeaderId().value(),
                event.leadUnitId().value(), BureauTime.dayOf(event.decidedAt())));
    }

    private void task(String task, String eventId, TrackingToken token, UnaryOperator<TaskFacts> change) {
        records.task(task).ifPresent(facts -> apply(facts, eventId, token, change));
    }

    /**
     * Applies the change to the task's facts (once), then brings the records in line: the item on
     * the lead leader's and the unit head's record, and off the records that listed it before.
     */
    private void apply(TaskFacts before, String eventId, TrackingToken token, UnaryOperator<TaskFacts> change) {
        TaskFacts changed = before.eventIds().contains(eventId) ? before : change.apply(before).withEvent(eventId);
        String leader = changed.leadLeaderId();
        UnitFacts unit = records.unit(changed.leadUnitId()).orElse(UnitFacts.none(changed.leadUnitId()));
        String head = unit.headOn(changed.leadUnitSince()).orElse(null);
        TaskFacts after = changed.onRecordsOf(leader, head);
        CadreRecordView.TaskLed item = after.item();
        Changes changes = new Changes();
        if (!before.leadUnitId().equals(after.leadUnitId())) {
            records.unit(before.leadUnitId()).ifPresent(old -> changes.save(old.notLeading(item.taskId())));
        }
        if (!unit.taskIds().contains(item.taskId())) {
            changes.save(unit.leading(item.taskId()));
        }
        if (before.leaderRecord() != null && !before.leaderRecord().equals(leader)) {
            changes.to(before.leaderRecord(), r -> r.tasksLed.removeIf(t -> t.taskId().equals(item.taskId())));
        }
        changes.to(leader, r -> upsert(r.tasksLed, item, t -> t.taskId().equals(item.taskId())));
        if (before.headRecord() != null && !before.headRecord().equals(head)) {
            changes.to(before.headRecord(), r -> r.tasksLedAsUnitHead.removeIf(t -> t.taskId().equals(item.taskId())));
        }
        if (head != null) {
            changes.to(head, r -> upsert(r.tasksLedAsUnitHead, item, t -> t.taskId().equals(item.taskId())));
        }
        changes.save(after);
        changes.apply(eventId, token);
    }

    /**
     * What one event changes: each record once (all its changes together, so the record lists
     * the event once), then the units' facts, then the tasks' (whose event ids say whether the
     * event was applied: a redelivery finds the records and units to bring in line again).
     */
    private final class Changes {
        private final Map<String, List<Consumer<CadreRecordView.Draft>>> byCadre = new LinkedHashMap<>();
        private final List<UnitFacts> units = new ArrayList<>();
        private final List<TaskFacts> tasks = new ArrayList<>();

        void to(String cadre, Consumer<CadreRecordView.Draft> change) {
            byCadre.computeIfAbsent(cadre, c -> new ArrayList<>()).add(change);
        }

        void save(TaskFacts task) {
            tasks.add(task);
        }

        void save(UnitFacts unit) {
            units.add(unit);
        }

        void apply(String eventId, TrackingToken token) {
            byCadre.forEach((cadre, changes) -> update(cadre, eventId, token, r -> changes.forEach(c -> c.accept(r))));
            units.forEach(records::saveUnit);
            tasks.forEach(records::saveTask);
        }
    }

    private static <T> void upsert(List<T> items, T item, java.util.function.Predicate<T> same) {
        for (int i = 0; i < items.size(); i++) {
            if (same.test(items.get(i))) {
                items.set(i, item);
                return;
            }
        }
        items.add(item);
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
        return RecordFacts.with(ids, id);
    }
}
