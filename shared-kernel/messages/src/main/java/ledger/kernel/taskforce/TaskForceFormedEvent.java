package ledger.kernel.taskforce;

import java.time.Instant;
import java.util.List;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.task.TaskId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TaskForceFormedEvent(TaskForceId taskForceId, String problem, ProblemKind kind, String area,
                                   CadreId leadLeaderId, List<UnitId> memberUnitIds, List<TaskId> taskIds,
                                   Instant formedAt) {
}
