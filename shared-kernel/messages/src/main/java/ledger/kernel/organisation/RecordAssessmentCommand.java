package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The personnel office records a regular (e.g. quarterly) or the annual assessment of a cadre. */
public record RecordAssessmentCommand(@TargetAggregateIdentifier CadreId cadreId,
                                      Actor recorder,
                                      String assessmentId,
                                      AssessmentKind kind,
                                      String period,
                                      AssessmentGrade grade,
                                      LocalDate periodEnd,
                                      Instant recordedAt) {

    public RecordAssessmentCommand {
        Require.present(cadreId, "cadreId");
        Require.present(recorder, "recorder");
        Require.id(assessmentId, "assessmentId");
        Require.present(kind, "kind");
        period = Require.text(period, "period", 20);
        Require.present(grade, "grade");
        Require.present(periodEnd, "periodEnd");
        Require.present(recordedAt, "recordedAt");
    }
}
