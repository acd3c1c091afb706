package ledger.command.meeting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ledger.kernel.task.TaskSource;

final class MeetingRequests {

    private MeetingRequests() {
    }

    record Convene(@NotNull YearMonth month, @NotNull LocalDate heldOn) {
    }

    record Review(@NotBlank String taskId, @NotBlank @Size(max = 4000) String causes,
                  @NotBlank @Size(max = 4000) String countermeasures) {
    }

    record Cancel(@NotBlank String taskId, String intoTaskId, @NotBlank @Size(max = 2000) String reason) {
    }

    /** Without a {@code source}, the meeting itself is the task's source. */
    record Assign(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description,
                  TaskSource source, @Size(max = 200) String sourceReference, @NotBlank String leadLeaderId, @NotBlank String leadUnitId,
                  @Size(max = 20) List<@NotBlank String> coUnitIds, @NotNull LocalDate dueDate) {
    }
}
