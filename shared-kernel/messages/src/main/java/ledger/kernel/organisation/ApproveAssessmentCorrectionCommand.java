package ledger.kernel.organisation;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A second person approves the pending correction of an assessment. */
public record ApproveAssessmentCorrectionCommand(@TargetAggregateIdentifier CadreId cadreId,
                                                 Actor approver,
                                                 String assessmentId,
                                                 Instant approvedAt) {

    public ApproveAssessmentCorrectionCommand {
        Require.present(cadreId, "cadreId");
        Require.present(approver, "approver");
        Require.id(assessmentId, "assessmentId");
        Require.present(approvedAt, "approvedAt");
    }
}
