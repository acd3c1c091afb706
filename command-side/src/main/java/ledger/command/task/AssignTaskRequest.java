package ledger.command.task;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ledger.kernel.task.TaskSource;

/** Body of {@code POST /api/tasks}. */
record AssignTaskRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotNull TaskSource source,
        @Size(max = 200) String sourceReference,
        @NotBlank String leadLeaderId,
        @NotBlank String leadUnitId,
        @Size(max = 20) List<@NotBlank String> coUnitIds,
        @NotNull LocalDate dueDate,
        @NotNull YearMonth ledgerMonth,
        @Size(max = 20) List<@Valid MilestoneRequest> milestones) {

    record MilestoneRequest(@NotBlank @Size(max = 100) String name, @NotNull LocalDate dueDate) {
    }
}
