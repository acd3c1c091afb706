package ledger.kernel.organisation;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A recorded assessment is corrected, never overwritten: asked for with a reason, approved by another person. */
public record RequestAssessmentCorrectionCommand(@TargetAggregateIdentifier CadreId cadreId,
                                                 Actor requester,
                                                 String assessmentId,
                                                 AssessmentGrade newGrade,
                                                 String reason,
                                                 Instant requestedAt) {

    public RequestAssessmentCorrectionCommand {
        Require.present(cadreId, "cadreId");
        Require.present(requester, "requester");
        Require.id(assessmentId, "assessmentId");
        Require.present(newGrade, "newGrade");
        reason = Require.text(reason, "reason", 2000);
        Require.present(requestedAt, "requestedAt");
    }
}
