package ledger.query.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One supervision score (督查评分) as the score page shows it: the value first given, the value now, every
 * approved correction beside it (both values kept) and the correction waiting for a second member.
 * {@code eventIds}: the events behind it (the recording, each request and approval), for the timeline.
 */
@Document("scores")
public record ScoreView(
        @Id String scoreId,
        String month,
        String subjectKind,
        String subjectId,
        String dimension,
        int scaleMin,
        int scaleMax,
        int originalValue,
        int value,
        String rationale,
        List<String> evidenceEventIds,
        String recordedBy,
        Instant recordedAt,
        PendingCorrection pending,
        List<Correction> corrections,
        List<String> eventIds,
        long version) {

    /** Asked for, not yet approved: the score keeps its value until a second member approves. */
    public record PendingCorrection(int currentValue, int newValue, String reason, String requestedBy,
                                    Instant requestedAt) {
    }

    public record Correction(int originalValue, int newValue, String reason, String requestedBy, String approvedBy,
                             Instant correctedAt) {
    }

    public boolean corrected() {
        return !corrections.isEmpty();
    }

    ScoreView requested(PendingCorrection correction, String eventId, long sequence) {
        return new ScoreView(scoreId, month, subjectKind, subjectId, dimension, scaleMin, scaleMax, originalValue, value,
                rationale, evidenceEventIds, recordedBy, recordedAt, correction, corrections, with(eventIds, eventId),
                sequence);
    }

    ScoreView corrected(Correction correction, String eventId, long sequence) {
        return new ScoreView(scoreId, month, subjectKind, subjectId, dimension, scaleMin, scaleMax, originalValue,
                correction.newValue(), rationale, evidenceEventIds, recordedBy, recordedAt, null,
                with(corrections, correction), with(eventIds, eventId), sequence);
    }

    private static <T> List<T> with(List<T> list, T item) {
        List<T> longer = new ArrayList<>(list);
        longer.add(item);
        return List.copyOf(longer);
    }
}
