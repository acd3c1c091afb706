package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.shared.Require;
import ledger.kernel.task.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** How the cadre performed at the front line, with the task it refers to (一线记实). */
public record RecordFrontLineWorkCommand(@TargetAggregateIdentifier CadreId cadreId,
                                         FrontLineKind kind,
                                         TaskId taskId,
                                         String performance,
                                         LocalDate on,
                                         Instant recordedAt) {

    public RecordFrontLineWorkCommand {
        Require.present(cadreId, "cadreId");
        Require.present(kind, "kind");
        Require.present(taskId, "taskId");
        performance = Require.text(performance, "performance", 4000);
        Require.present(on, "on");
        Require.present(recordedAt, "recordedAt");
    }
}
