package ledger.kernel.evaluation;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The supervision group scores a task, unit or cadre for a month on one dimension, with a written
 * rationale naming the events it judged.
 */
public record RecordScoreCommand(@TargetAggregateIdentifier ScoreId scoreId, Actor scorer, YearMonth month,
                                 ScoreSubject subject, String dimension, ScoreScale scale, int value,
                                 String rationale, List<String> evidenceEventIds, Instant recordedAt) {

    public RecordScoreCommand {
        Require.present(scoreId, "scoreId");
        Require.present(scorer, "scorer");
        Require.present(month, "month");
        Require.present(subject, "subject");
        dimension = Require.text(dimension, "dimension", 40);
        Require.present(scale, "scale");
        if (!scale.contains(value)) {
            throw new InvalidMessageException("value", "must lie on the scale " + scale.min() + "–" + scale.max());
        }
        rationale = Require.text(rationale, "rationale", 4000);
        evidenceEventIds = List.copyOf(Require.present(evidenceEventIds, "evidenceEventIds"));
        Require.present(recordedAt, "recordedAt");
    }
}
