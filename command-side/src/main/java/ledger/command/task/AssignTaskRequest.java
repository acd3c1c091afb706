package ledger.command.task;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ledger.kernel.task.TaskSource;

/** Body of {@code POST /api/tasks}. */
record AssignTaskRequest(
        @Schema(description = TaskAssignmentFields.TITLE) @NotBlank @Size(max = 200) String title,
        @Schema(description = TaskAssignmentFields.DESCRIPTION) @Size(max = 4000) String description,
        @Schema(description = "where the task comes from (任务来源)") @NotNull TaskSource source,
        @Schema(description = "the source document, e.g. 市政办〔2026〕3号")
        @Size(max = 200) String sourceReference,
        @Schema(description = TaskAssignmentFields.LEAD_LEADER)
        @NotBlank String leadLeaderId,
        @Schema(description = TaskAssignmentFields.LEAD_UNIT) @NotBlank String leadUnitId,
        @Schema(description = TaskAssignmentFields.CO_UNITS)
        @Size(max = 20) List<@NotBlank String> coUnitIds,
        @Schema(description = "the day it is due") @NotNull LocalDate dueDate,
        @Schema(description = "the month whose ledger it is assigned in") @NotNull YearMonth ledgerMonth,
        @Schema(description = "steps with their own due dates")
        @Size(max = 20) List<@Valid MilestoneRequest> milestones) {

    record MilestoneRequest(@Schema(description = "the step's name (节点), distinct within the task; a progress report "
                                    + "names it when reached")
                            @NotBlank @Size(max = 100) String name,
                            @Schema(description = "the day the step is due") @NotNull LocalDate dueDate) {
    }
}
