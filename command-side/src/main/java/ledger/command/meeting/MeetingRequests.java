package ledger.command.meeting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ledger.command.task.TaskAssignmentFields;
import ledger.kernel.task.TaskSource;

final class MeetingRequests {

    private MeetingRequests() {
    }

    record Convene(@Schema(description = "the ledger month the meeting reviews; the tasks it assigns are the next "
                           + "month's")
                   @NotNull YearMonth month,
                   @Schema(description = "the day the meeting is held") @NotNull LocalDate heldOn) {
    }

    record Review(@Schema(description = "the recorded lagging task reviewed; each task once per meeting")
                  @NotBlank String taskId,
                  @Schema(description = "why the task lags (原因)") @NotBlank @Size(max = 4000) String causes,
                  @Schema(description = "what is to be done about it (对策措施)")
                  @NotBlank @Size(max = 4000) String countermeasures) {
    }

    record Cancel(@Schema(description = "the recorded task the meeting cancels or merges") @NotBlank String taskId,
                  @Schema(description = "the other recorded task it is merged into (合并); left out to cancel it (撤销)")
                  String intoTaskId,
                  @Schema(description = "why the meeting decided so") @NotBlank @Size(max = 2000) String reason) {
    }

    /** Without a {@code source}, the meeting itself is the task's source. */
    record Assign(@Schema(description = TaskAssignmentFields.TITLE) @NotBlank @Size(max = 200) String title,
                  @Schema(description = TaskAssignmentFields.DESCRIPTION) @Size(max = 4000) String description,
                  @Schema(description = "where the requirement comes from (任务来源); left out, the deliberation meeting "
                          + "itself (DIRECTORS_DELIBERATION_MEETING)")
                  TaskSource source,
                  @Schema(description = "the source document, e.g. 市政办〔2026〕3号; left out for a task of the meeting's "
                          + "own, which then names the meeting")
                  @Size(max = 200) String sourceReference,
                  @Schema(description = TaskAssignmentFields.LEAD_LEADER)
                  @NotBlank String leadLeaderId,
                  @Schema(description = TaskAssignmentFields.LEAD_UNIT) @NotBlank String leadUnitId,
                  @Schema(description = TaskAssignmentFields.CO_UNITS)
                  @Size(max = 20) List<@NotBlank String> coUnitIds,
                  @Schema(description = "the day it is due; not before the first day of the month after the meeting's")
                  @NotNull LocalDate dueDate) {
    }
}
