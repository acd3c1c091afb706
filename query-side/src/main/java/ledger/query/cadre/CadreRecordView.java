package ledger.query.cadre;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import ledger.query.bulletin.BulletinMention;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cadre's performance record (干部实绩档案) as far as the recorded facts go so far: the posting
 * history, leadership, the units headed, the key tasks led as lead leader (牵头领导) and those
 * their unit led while they headed it (牵头处室负责人), with their outcomes, and the urging notices
 * (督办通知) their unit received while they headed it, with its replies. Every item names the
 * events it came from, so an auditor can follow it back; {@code lastPosition} is the global
 * position of the last of them.
 */
@Document("cadre_records")
public record CadreRecordView(
        @Id String cadreId,
        String name,
        String unitId,
        String position,
        boolean partyMember,
        LocalDate postedSince,
        Leadership leadership,
        List<Posting> postings,
        List<UnitHeadship> unitHeadships,
        List<TaskLed> tasksLed,
        List<TaskLed> tasksLedAsUnitHead,
        List<ScoreItem> scores,
        List<AssessmentItem> assessments,
        List<AwardItem> awards,
        List<FrontLineItem> frontLine,
        List<MistakeItem> mistakes,
        List<BulletinMention> bulletinMentions,
        List<UrgingItem> urgings,
        LocalDate leftBureauOn,
        List<String> eventIds,
        long lastPosition) {

    /** A record stored before headships were kept reads with none (until the view is rebuilt). */
    public CadreRecordView {
        unitHeadships = unitHeadships == null ? List.of() : unitHeadships;
        tasksLedAsUnitHead = tasksLedAsUnitHead == null ? List.of() : tasksLedAsUnitHead;
        urgings = urgings == null ? List.of() : urgings;
    }

    /** This record after one more event (whose id it then lists), at that event's global position. */
    CadreRecordView next(Consumer<Draft> change, String eventId, long eventPosition) {
        Draft d = new Draft(this);
        change.accept(d);
        List<String> ids = new ArrayList<>(eventIds);
        ids.add(eventId);
        return new CadreRecordView(cadreId, name, d.unitId, d.position, partyMember, d.postedSince, d.leadership,
                List.copyOf(d.postings), List.copyOf(d.unitHeadships), List.copyOf(d.tasksLed),
                List.copyOf(d.tasksLedAsUnitHead), List.copyOf(d.scores), List.copyOf(d.assessments),
                List.copyOf(d.awards), List.copyOf(d.frontLine), List.copyOf(d.mistakes), List.copyOf(d.bulletinMentions),
                List.copyOf(d.urgings), d.leftBureauOn, List.copyOf(ids), eventPosition);
    }

    /** The parts of a record that events change. */
    static final class Draft {
        String unitId;
        String position;
        LocalDate postedSince;
        Leadership leadership;
        List<Posting> postings;
        List<UnitHeadship> unitHeadships;
        List<TaskLed> tasksLed;
        List<TaskLed> tasksLedAsUnitHead;
        List<ScoreItem> scores;
        List<AssessmentItem> assessments;
        List<AwardItem> awards;
        List<FrontLineItem> frontLine;
        List<MistakeItem> mistakes;
        List<BulletinMention> bulletinMentions;
        List<UrgingItem> urgings;
        LocalDate leftBureauOn;

        private Draft(CadreRecordView view) {
            unitId = view.unitId;
            position = view.position;
            postedSince = view.postedSince;
            leadership = view.leadership;
            postings = copy(view.postings);
            unitHeadships = copy(view.unitHeadships);
            tasksLed = copy(view.tasksLed);
            tasksLedAsUnitHead = copy(view.tasksLedAsUnitHead);
            scores = copy(view.scores);
            assessments = copy(view.assessments);
            awards = copy(view.awards);
            frontLine = copy(view.frontLine);
            mistakes = copy(view.mistakes);
            bulletinMentions = copy(view.bulletinMentions);
            urgings = copy(view.urgings);
            leftBureauOn = view.leftBureauOn;
        }

        private static <T> List<T> copy(List<T> list) {
            return new ArrayList<>(list == null ? List.of() : list);
        }
    }

    /** Empty lists for the parts a newly registered cadre does not have yet. */
    static CadreRecordView registered(String cadreId, String name, String unitId, String position, boolean partyMember,
                                      LocalDate since, Posting first, String eventId, long eventPosition) {
        return new CadreRecordView(cadreId, name, unitId, position, partyMember, since, null, List.of(first), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                List.of(eventId), eventPosition);
    }

    /**
     * An assessment; after an approved correction {@code grade} is the corrected one beside the original.
     * {@code pending}: a correction asked for and not yet approved (null: none waits).
     */
    public record AssessmentItem(String assessmentId, String kind, String period, LocalDate periodEnd, String grade,
                                 String gradeLabel,
                                 String originalGrade, String correctionReason, List<String> eventIds,
                                 PendingCorrection pending) {

        AssessmentItem withPending(PendingCorrection correction, String eventId) {
            return new AssessmentItem(assessmentId, kind, period, periodEnd, grade, gradeLabel, originalGrade,
                    correctionReason, RecordFacts.with(eventIds, eventId), correction);
        }
    }

    /** A correction of an assessment's grade waiting for a second person's approval; who asked for it. */
    public record PendingCorrection(String newGrade, String newGradeLabel, String reason, String requestedBy,
                                    java.time.Instant requestedAt) {
    }

    /**
     * An urging notice on a task the cadre's unit led, while the cadre headed it on the day it was
     * issued: why, what was expected, the day to reply by, the reply's day (null: none yet), whether it
     * came late and whether the day passed unanswered. The events: notice, reply, unanswered mark.
     */
    public record UrgingItem(String taskId, String noticeId, String unitId, String reason, String expectation,
                             LocalDate replyBy, LocalDate issuedOn, LocalDate answeredOn, boolean lateReply,
                             boolean unanswered, List<String> eventIds) {
    }

    public record AwardItem(String award, String awardLabel, int year, String citation, String eventId) {
    }

    public record FrontLineItem(String kind, String kindLabel, String taskId, String performance, LocalDate on,
                                String eventId) {
    }

    /** A mistake and, beside it, the error-tolerance decision that excused it (if any); the mistake stays. */
    public record MistakeItem(String mistakeId, String description, LocalDate occurredOn, ErrorTolerance excusedBy,
                              List<String> eventIds) {
    }

    public record ErrorTolerance(String experimentVersusViolation, String publicVersusPrivate,
                                 String unawareVersusKnowing, String partyGroupDecisionRef, String eventId) {
    }

    /**
     * A unit the cadre headed (处室负责人) from {@code from}; {@code endedOn} is the first day they no
     * longer did (null: they still do). The events: the appointment and the end.
     */
    public record UnitHeadship(String unitId, LocalDate from, LocalDate endedOn, List<String> eventIds) {
    }

    public record Leadership(String title, List<String> areasInCharge, boolean inChargeOfPersonnel,
                             LocalDate effectiveOn, String eventId) {
    }

    /**
     * A supervision score of the cadre; after an approved correction {@code value} is the corrected
     * value and {@code originalValue} what was first given, with the reason beside it.
     */
    public record ScoreItem(String scoreId, String month, String dimension, int scaleMin, int scaleMax, int value,
                            Integer originalValue, String correctionReason, List<String> eventIds) {
    }

    public record Posting(String unitId, String position, LocalDate from, String reason, String eventId) {
    }

    /**
     * A key task the cadre answered for: as its lead leader ({@code tasksLed}) or as head of its
     * lead unit ({@code tasksLedAsUnitHead}). {@code dueDate} is the one in force (after approved
     * deadline changes and leadership decisions). {@code outcome}: OPEN, COMPLETED_ON_TIME,
     * COMPLETED_LATE, CANCELLED or MERGED; {@code escalated} and {@code deadlineMissed} stay true
     * once it happened.
     */
    public record TaskLed(String taskId, String title, String ledgerMonth, String leadUnitId, LocalDate dueDate,
                          String outcome, boolean escalated, boolean deadlineMissed, List<String> eventIds) {
    }
}
