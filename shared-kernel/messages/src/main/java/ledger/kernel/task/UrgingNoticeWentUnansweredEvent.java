package ledger.kernel.task;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import org.axonframework.serialization.Revision;

/**
 * The day to reply passed without a reply from the lead unit; recorded once per notice by the
 * deadline watch (a reply may still come afterwards and is then marked late).
 */
@Revision("1")
public record UrgingNoticeWentUnansweredEvent(
        TaskId taskId,
        UrgingNoticeId noticeId,
        UnitId leadUnitId,
        CadreId leadLeaderId,
        LocalDate replyBy,
        Instant detectedAt) {
}
