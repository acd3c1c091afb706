package ledger.kernel.organisation;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The original grade stays in history beside the corrected one. */
@Revision("1")
public record AssessmentCorrectedEvent(CadreId cadreId,
                                       String assessmentId,
                                       AssessmentGrade originalGrade,
                                       AssessmentGrade newGrade,
                                       String reason,
                                       String requestedBy,
                                       String approvedBy,
                                       Instant correctedAt) {
}
