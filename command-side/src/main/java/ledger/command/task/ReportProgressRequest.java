package ledger.command.task;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/tasks/{id}/progress-reports}. */
record ReportProgressRequest(
        @NotNull @Min(0) @Max(100) Integer percent,
        @NotBlank @Size(max = 4000) String narrative,
        @Size(max = 100) String milestone) {
}
