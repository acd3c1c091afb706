package ledger.query.unit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A unit's record: its 双创双争 awards, supervision scores and bulletin mentions, each with its event. */
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
        List<String> eventIds) {

    public record Award(String award, String awardLabel, int year, String citation, String eventId) {
    }

    /** After an approved correction {@code value} is the corrected value, beside the original. */
    public record Score(String scoreId, String month, String dimension, int scaleMin, int scaleMax, int value,
                        Integer originalValue, String correctionReason, List<String> eventIds) {
    }

    public record BulletinMention(String month, String entryId, String kind, String text, String eventId) {
    }
}
