package ledger.kernel.evaluation;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The score's value changed; the original stays in history beside the correction. */
@Revision("1")
public record ScoreCorrectedEvent(ScoreId scoreId, int originalValue, int newValue, String reason, String requestedBy,
                                  String approvedBy, Instant correctedAt) {
}
