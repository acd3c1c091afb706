package ledger.kernel.task;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.organisation.UnitId;
import org.axonframework.serialization.Revision;

/**
 * The lead unit replied to an urging notice: its explanation, the measures it takes and the progress
 * it has reached ({@code percent}). {@code late} when the reply came after {@code replyBy}.
 */
@Revision("1")
public record UrgingNoticeAnsweredEvent(
        TaskId taskId,
        UrgingNoticeId noticeId,
        UnitId unitId,
        String answeredBy,
        String explanation,
        String measures,
        int percent,
        LocalDate replyBy,
        boolean late,
        Instant answeredAt) {
}
