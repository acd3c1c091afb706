package ledger.kernel.taskforce;

import java.time.Instant;
import java.util.List;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Actor;
import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.Require;
import ledger.kernel.task.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Form a task force for a stuck problem, linked to the tasks it unblocks (escalation). */
public record FormTaskForceCommand(
        @TargetAggregateIdentifier TaskForceId taskForceId,
        Actor actor,
        String problem,
        ProblemKind kind,
        String area,
        CadreId leadLeaderId,
        LeadFacts leadFacts,
        List<UnitId> memberUnitIds,
        List<TaskId> taskIds,
        Instant formedAt) {

    public FormTaskForceCommand {
        Require.present(taskForceId, "taskForceId");
        Require.present(actor, "actor");
        problem = Require.text(problem, "problem", 1000);
        Require.present(kind, "kind");
        if (kind == ProblemKind.BUSINESS) {
            area = Require.text(area, "area", 60);
        }
        Require.present(leadLeaderId, "leadLeaderId");
        Require.present(leadFacts, "leadFacts");
        memberUnitIds = List.copyOf(Require.present(memberUnitIds, "memberUnitIds"));
        taskIds = List.copyOf(Require.present(taskIds, "taskIds"));
        if (taskIds.isEmpty()) {
            throw new InvalidMessageException("taskIds", "must name at least one task");
        }
        Require.present(formedAt, "formedAt");
    }
}
