package ledger.kernel.evaluation;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ScoreRecordedEvent(ScoreId scoreId, YearMonth month, ScoreSubject subject, String dimension,
                                 ScoreScale scale, int value, String rationale, List<String> evidenceEventIds,
                                 Instant recordedAt) {
}
