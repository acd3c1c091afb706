package ledger.kernel.task;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Role;
import org.axonframework.serialization.Revision;

/**
 * The supervision group urged the task (催办, 督办通知): why, what it expects, and the day by which
 * the lead unit must reply. The lead unit and lead leader in charge at the time are named so readers
 * need not look them up.
 */
@Revision("1")
public record UrgingNoticeIssuedEvent(
        TaskId taskId,
        UrgingNoticeId noticeId,
        String issuedBy,
        Role issuerRole,
        String reason,
        String expectation,
        LocalDate replyBy,
        UnitId leadUnitId,
        CadreId leadLeaderId,
        Instant issuedAt) {
}
