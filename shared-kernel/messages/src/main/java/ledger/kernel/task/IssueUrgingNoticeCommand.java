package ledger.kernel.task;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Urge a task: why, what is expected, and by which day the lead unit replies. */
public record IssueUrgingNoticeCommand(
        @TargetAggregateIdentifier TaskId taskId,
        UrgingNoticeId noticeId,
        Actor issuer,
        String reason,
        String expectation,
        LocalDate replyBy,
        Instant issuedAt) {

    public IssueUrgingNoticeCommand {
        Require.present(taskId, "taskId");
        Require.present(noticeId, "noticeId");
        Require.present(issuer, "issuer");
        reason = Require.text(reason, "reason", 2000);
        expectation = Require.text(expectation, "expectation", 2000);
        Require.present(replyBy, "replyBy");
        Require.present(issuedAt, "issuedAt");
        if (replyBy.isBefore(BureauTime.dayOf(issuedAt))) {
            throw new InvalidMessageException("replyBy", "the day to reply by lies before the notice is issued");
        }
    }
}
