package ledger.kernel.evaluation;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask for a score to be corrected; a second person must approve (four eyes). */
public record RequestScoreCorrectionCommand(@TargetAggregateIdentifier ScoreId scoreId, Actor requester, int newValue,
                                            String reason, Instant requestedAt) {

    public RequestScoreCorrectionCommand {
        Require.present(scoreId, "scoreId");
        Require.present(requester, "requester");
        reason = Require.text(reason, "reason", 2000);
        Require.present(requestedAt, "requestedAt");
    }
}
