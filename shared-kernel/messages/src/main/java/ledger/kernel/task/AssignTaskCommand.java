package ledger.kernel.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Assign a key task (重点工作任务) with one lead leader and one lead unit, so it has a clear owner;
 * co-units (配合处室) share the work and may report on it. The source names where the requirement
 * comes from; the source reference names the document or decision (e.g. 党组会〔2026〕5号). A task the
 * director's deliberation meeting assigns names that meeting ({@code meetingId}), whatever its source.
 */
public record AssignTaskCommand(
        @TargetAggregateIdentifier TaskId taskId,
        String title,
        String description,
        TaskSource source,
        String sourceReference,
        CadreId leadLeaderId,
        UnitId leadUnitId,
        List<UnitId> coUnitIds,
        LocalDate dueDate,
        YearMonth ledgerMonth,
        Instant assignedAt,
        List<Milestone> milestones,
        String meetingId) {

    /** A task assigned other than at a deliberation meeting. */
    public AssignTaskCommand(TaskId taskId, String title, String description, TaskSource source, String sourceReference,
                             CadreId leadLeaderId, UnitId leadUnitId, List<UnitId> coUnitIds, LocalDate dueDate,
                             YearMonth ledgerMonth, Instant assignedAt, List<Milestone> milestones) {
        this(taskId, title, description, source, sourceReference, leadLeaderId, leadUnitId, coUnitIds, dueDate,
                ledgerMonth, assignedAt, milestones, null);
    }

    public AssignTaskCommand {
        Require.present(taskId, "taskId");
        title = Require.text(title, "title", 200);
        description = description == null || description.isBlank() ? null : Require.text(description, "description", 4000);
        Require.present(source, "source");
        sourceReference = sourceReference == null || sourceReference.isBlank() ? null
                : Require.text(sourceReference, "sourceReference", 200);
        Require.present(leadLeaderId, "leadLeaderId");
        Require.present(leadUnitId, "leadUnitId");
        coUnitIds = coUnitIds == null ? List.of() : List.copyOf(coUnitIds);
        if (coUnitIds.contains(leadUnitId)) {
            throw new InvalidMessageException("coUnitIds", "must not repeat the lead unit");
        }
        Require.present(dueDate, "dueDate");
        Require.present(ledgerMonth, "ledgerMonth");
        Require.present(assignedAt, "assignedAt");
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        if (milestones.stream().map(Milestone::name).distinct().count() < milestones.size()) {
            throw new InvalidMessageException("milestones", "must have distinct names");
        }
        meetingId = meetingId == null || meetingId.isBlank() ? null : Require.text(meetingId, "meetingId", 100);
    }
}
