package ledger.query.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ledger.query.bulletin.BulletinMention;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit's record: its 双创双争 awards, supervision scores, mentions in published bulletins (with
 * their errata beside them), who headed it when, and the urging notices (督办通知) on the tasks it led
 * with its replies and unanswered marks, each with its events.
 */
@Document("unit_records")
public record UnitRecordView(
        @Id String unitId,
        String name,
        String kind,
        boolean personnelOffice,
        Instant registeredAt,
        List<Award> awards,
        List<Score> scores,
        List<BulletinMention> bulletinMentions,
        List<Head> heads,
        List<Urging> urgings,
        List<String> eventIds) {

    /** A record stored before heads or urging were kept reads with none (until the view is rebuilt). */
    public UnitRecordView {
        heads = heads == null ? List.of() : heads;
        urgings = urgings == null ? List.of() : urgings;
    }

    /**
     * An urging notice to the unit as lead unit of a task: why, what was expected, the day to reply by;
     * when it replied (null: not yet), whether late, and whether the day passed unanswered. The events:
     * the notice, the reply, the unanswered mark, in the order recorded.
     */
    public record Urging(String taskId, String noticeId, String reason, String expectation, LocalDate replyBy,
                         Instant issuedAt, Instant answeredAt, boolean lateReply, boolean unanswered,
                         List<String> eventIds) {
    }

    public record Award(String award, String awardLabel, int year, String citation, String eventId) {
    }

    /** After an approved correction {@code value} is the corrected value, beside the original. */
    public record Score(String scoreId, String month, String dimension, int scaleMin, int scaleMax, int value,
                        Integer originalValue, String correctionReason, List<String> eventIds) {
    }

    /** A head of the unit (处室负责人) from {@code from}; {@code endedOn}: the first day without them (null: in office). */
    public record Head(String cadreId, LocalDate from, LocalDate endedOn, List<String> eventIds) {
    }
}
