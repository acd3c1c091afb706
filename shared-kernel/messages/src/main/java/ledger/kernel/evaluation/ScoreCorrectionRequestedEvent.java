package ledger.kernel.evaluation;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ScoreCorrectionRequestedEvent(ScoreId scoreId, int currentValue, int newValue, String reason,
                                            String requestedBy, Instant requestedAt) {
}
