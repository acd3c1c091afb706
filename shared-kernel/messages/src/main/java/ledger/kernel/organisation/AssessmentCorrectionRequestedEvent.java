package ledger.kernel.organisation;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AssessmentCorrectionRequestedEvent(CadreId cadreId,
                                                 String assessmentId,
                                                 AssessmentGrade newGrade,
                                                 String reason,
                                                 String requestedBy,
                                                 Instant requestedAt) {
}
