package ledger.query.cadre;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cadre's performance record (干部实绩档案) as far as the recorded facts go so far: the posting
 * history, leadership, and the key tasks led with their outcomes. Every item names the events it
 * came from, so an auditor can follow it back.
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
        List<TaskLed> tasksLed,
        List<ScoreItem> scores,
        List<String> eventIds) {

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
     * A task the cadre led as lead leader. {@code outcome}: OPEN, COMPLETED_ON_TIME, COMPLETED_LATE,
     * CANCELLED or MERGED; {@code escalated} and {@code deadlineMissed} stay true once it happened.
     */
    public record TaskLed(String taskId, String title, String ledgerMonth, LocalDate dueDate, String outcome,
                          boolean escalated, boolean deadlineMissed, List<String> eventIds) {
    }
}
