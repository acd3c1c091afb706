package ledger.query.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ledger.query.bulletin.BulletinMention;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit's record: its 双创双争 awards, supervision scores, mentions in published bulletins (with
 * their errata beside them) and who headed it when, each with its events.
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
        List<String> eventIds) {

    /** A record stored before heads were kept reads with none (until the view is rebuilt). */
    public UnitRecordView {
        heads = heads == null ? List.of() : heads;
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
