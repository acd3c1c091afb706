package ledger.kernel.task;

import java.time.LocalDate;

/**
 * What a task answers the deadline watch about receipt and urging: the first day on which a
 * missing receipt or an unanswered notice can next be recorded, or null when nothing is pending.
 */
public record FollowUpStanding(LocalDate nextCheckOn) {
}
