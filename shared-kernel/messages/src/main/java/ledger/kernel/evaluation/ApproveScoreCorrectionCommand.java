package ledger.kernel.evaluation;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveScoreCorrectionCommand(@TargetAggregateIdentifier ScoreId scoreId, Actor approver,
                                            Instant approvedAt) {

    public ApproveScoreCorrectionCommand {
        Require.present(scoreId, "scoreId");
        Require.present(approver, "approver");
        Require.present(approvedAt, "approvedAt");
    }
}
