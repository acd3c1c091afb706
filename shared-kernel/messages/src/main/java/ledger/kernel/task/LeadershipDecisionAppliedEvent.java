package ledger.kernel.task;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.taskforce.LeadershipMeeting;
import ledger.kernel.taskforce.TaskForceId;
import org.axonframework.serialization.Revision;

/**
 * The task as a leadership decision left it: the due date, lead leader and lead unit in force
 * after it (before and after for the due date), and whether the problem is resolved.
 */
@Revision("1")
public record LeadershipDecisionAppliedEvent(TaskId taskId, TaskForceId taskForceId, LeadershipMeeting meeting,
                                             String decisionRef, LocalDate previousDueDate, LocalDate dueDate,
                                             CadreId leadLeaderId, UnitId leadUnitId, boolean problemResolved,
                                             Instant decidedAt) implements DueDateSet {
}
