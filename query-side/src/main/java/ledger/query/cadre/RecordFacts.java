package ledger.query.cadre;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import ledger.query.bulletin.BulletinMention;
import ledger.query.bulletin.BulletinView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the cadre-records view keeps beside the records so that later events reach the right
 * records: a task's facts and whose records list it, who headed each unit when, and the entries
 * of each bulletin (shown on records only once published). Each lists the events applied to it,
 * so a redelivered event changes it once; all are rebuilt with the records.
 */
final class RecordFacts {

    private RecordFacts() {
    }

    /**
     * A key task as the records show it. {@code leadUnitSince} is the day the lead unit took the
     * lead (the assignment, or the leadership decision that handed it the lead): the head of the
     * unit on that day answers for the task. {@code leaderRecord} and {@code headRecord} name the
     * records that list the task now, so a change of lead leader, lead unit or head moves it.
     */
    @Document("cadre_record_tasks")
    record TaskFacts(@Id String taskId, String title, String ledgerMonth, LocalDate dueDate, String leadLeaderId,
                     String leadUnitId, LocalDate leadUnitSince, String outcome, boolean escalated,
                     boolean deadlineMissed, List<String> eventIds, String leaderRecord, String headRecord) {

        static TaskFacts assigned(String taskId, String title, String ledgerMonth, LocalDate dueDate,
                                  String leadLeaderId, String leadUnitId, LocalDate assignedOn) {
            return new TaskFacts(taskId, title, ledgerMonth, dueDate, leadLeaderId, leadUnitId, assignedOn, "OPEN",
                    false, false, List.of(), null, null);
        }

        CadreRecordView.TaskLed item() {
            return new CadreRecordView.TaskLed(taskId, title, ledgerMonth, leadUnitId, dueDate, outcome, escalated,
                    deadlineMissed, eventIds);
        }

        TaskFacts withEvent(String eventId) {
            return new TaskFacts(taskId, title, ledgerMonth, dueDate, leadLeaderId, leadUnitId, leadUnitSince, outcome,
                    escalated, deadlineMissed, with(eventIds, eventId), leaderRecord, headRecord);
        }

        TaskFacts due(LocalDate newDueDate) {
            return new TaskFacts(taskId, title, ledgerMonth, newDueDate, leadLeaderId, leadUnitId, leadUnitSince,
                    outcome, escalated, deadlineMissed, eventIds, leaderRecord, headRecord);
        }

        TaskFacts endedAs(String newOutcome) {
            return new TaskFacts(taskId, title, ledgerMonth, dueDate, leadLeaderId, leadUnitId, leadUnitSince,
                    newOutcome, escalated, deadlineMissed, eventIds, leaderRecord, headRecord);
        }

        TaskFacts markEscalated() {
            return new TaskFacts(taskId, title, ledgerMonth, dueDate, leadLeaderId, leadUnitId, leadUnitSince, outcome,
                    true, deadlineMissed, eventIds, leaderRecord, headRecord);
        }

        TaskFacts markDeadlineMissed() {
            return new TaskFacts(taskId, title, ledgerMonth, dueDate, leadLeaderId, leadUnitId, leadUnitSince, outcome,
                    escalated, true, eventIds, leaderRecord, headRecord);
        }

        /** A new lead leader; a new lead unit takes the lead on {@code on}. */
        TaskFacts led(String newLeader, String newUnit, LocalDate on) {
            boolean unitChanged = !newUnit.equals(leadUnitId);
            return new TaskFacts(taskId, title, ledgerMonth, dueDate, newLeader, newUnit,
                    unitChanged ? on : leadUnitSince, outcome, escalated, deadlineMissed, eventIds, leaderRecord,
                    headRecord);
        }

        TaskFacts onRecordsOf(String leader, String head) {
            return new TaskFacts(taskId, title, ledgerMonth, dueDate, leadLeaderId, leadUnitId, leadUnitSince, outcome,
                    escalated, deadlineMissed, eventIds, leader, head);
        }
    }

    /**
     * A unit as the records need it: who headed it when, in date order (the command side records
     * them so), and the tasks it leads now, so a change of head finds them by key.
     */
    @Document("cadre_record_units")
    record UnitFacts(@Id String unitId, List<Headship> headships, List<String> taskIds, List<String> eventIds) {

        /** {@code endedOn}: the first day without them; null while they head the unit. */
        record Headship(String cadreId, LocalDate from, LocalDate endedOn) {
        }

        static UnitFacts none(String unitId) {
            return new UnitFacts(unitId, List.of(), List.of(), List.of());
        }

        /** The head on that day, if the unit had one. */
        Optional<String> headOn(LocalDate day) {
            return headships.stream()
                    .filter(h -> day != null && !day.isBefore(h.from()) && (h.endedOn() == null || day.isBefore(h.endedOn())))
                    .map(Headship::cadreId).findFirst();
        }

        UnitFacts appointed(String cadreId, LocalDate from, String eventId) {
            return new UnitFacts(unitId, with(headships, new Headship(cadreId, from, null)), taskIds,
                    with(eventIds, eventId));
        }

        UnitFacts ended(String cadreId, LocalDate on, String eventId) {
            return new UnitFacts(unitId, headships.stream().map(h -> h.cadreId().equals(cadreId) && h.endedOn() == null
                    ? new Headship(h.cadreId(), h.from(), on) : h).toList(), taskIds, with(eventIds, eventId));
        }

        UnitFacts leading(String taskId) {
            return taskIds.contains(taskId) ? this : new UnitFacts(unitId, headships, with(taskIds, taskId), eventIds);
        }

        UnitFacts notLeading(String taskId) {
            return new UnitFacts(unitId, headships, taskIds.stream().filter(t -> !t.equals(taskId)).toList(), eventIds);
        }
    }

    /**
     * A month's bulletin as far as records need it: its entries with the cadres named and the
     * errata beside them, and whether (by which event) it is published.
     */
    @Document("cadre_record_bulletins")
    record BulletinFacts(@Id String bulletinId, String publishedEventId, List<Entry> entries, List<String> eventIds) {

        record Entry(String entryId, String kind, String text, List<String> cadreIds,
                     List<BulletinView.Erratum> errata, String eventId) {
        }

        static BulletinFacts draft(String bulletinId) {
            return new BulletinFacts(bulletinId, null, List.of(), List.of());
        }

        boolean published() {
            return publishedEventId != null;
        }

        /** "bulletin-2026-03" → "2026-03". */
        String month() {
            return bulletinId.substring("bulletin-".length());
        }

        Optional<Entry> entry(String entryId) {
            return entries.stream().filter(e -> e.entryId().equals(entryId)).findFirst();
        }

        BulletinFacts withEntry(Entry entry, String eventId) {
            List<Entry> all = new ArrayList<>(entries);
            all.add(entry);
            return new BulletinFacts(bulletinId, publishedEventId, List.copyOf(all), with(eventIds, eventId));
        }

        BulletinFacts publishedBy(String eventId) {
            return new BulletinFacts(bulletinId, eventId, entries, with(eventIds, eventId));
        }

        BulletinFacts corrected(String entryId, BulletinView.Erratum erratum) {
            UnaryOperator<Entry> add = e -> new Entry(e.entryId(), e.kind(), e.text(), e.cadreIds(),
                    with(e.errata(), erratum), e.eventId());
            return new BulletinFacts(bulletinId, publishedEventId, entries.stream()
                    .map(e -> e.entryId().equals(entryId) ? add.apply(e) : e).toList(), with(eventIds, erratum.eventId()));
        }

        /** The entry as a record shows it: as published, with its errata beside it. */
        BulletinMention mention(Entry entry) {
            return BulletinMention.of(month(), entry.entryId(), entry.kind(), entry.text(), entry.errata(),
                    entry.eventId(), publishedEventId);
        }
    }

    static <T> List<T> with(List<T> items, T item) {
        List<T> all = new ArrayList<>(items == null ? List.of() : items);
        all.add(item);
        return List.copyOf(all);
    }
}
