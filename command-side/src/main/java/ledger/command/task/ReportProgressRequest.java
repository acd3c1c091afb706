package ledger.command.task;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/tasks/{id}/progress-reports}. */
record ReportProgressRequest(
        @Schema(description = "how far the task is, in percent of the whole; not below the last reported")
        @NotNull @Min(0) @Max(100) Integer percent,
        @Schema(description = "what was done since the last report (进展情况)") @NotBlank @Size(max = 4000) String narrative,
        @Schema(description = "the name of one of the task's milestones, reached with this report; each once")
        @Size(max = 100) String milestone) {
}
