package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AssessmentRecordedEvent(CadreId cadreId,
                                      String assessmentId,
                                      AssessmentKind kind,
                                      String period,
                                      AssessmentGrade grade,
                                      LocalDate periodEnd,
                                      Instant recordedAt) {
}
