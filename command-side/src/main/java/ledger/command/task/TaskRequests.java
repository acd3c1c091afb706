package ledger.command.task;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the task's lifecycle resources. */
final class TaskRequests {

    private TaskRequests() {
    }

    record ClaimCompletion(@NotBlank @Size(max = 4000) String summary) {
    }

    record VerifyCompletion(@Size(max = 2000) String note) {
    }

    record RejectCompletion(@NotBlank @Size(max = 2000) String reason) {
    }

    record RequestDeadlineChange(@NotNull LocalDate proposedDueDate, @NotBlank @Size(max = 2000) String reason) {
    }

    record IssueUrgingNotice(@NotBlank @Size(max = 2000) String reason, @NotBlank @Size(max = 2000) String expectation,
                             @NotNull LocalDate replyBy) {
    }

    record AnswerUrgingNotice(@NotBlank @Size(max = 4000) String explanation, @NotBlank @Size(max = 4000) String measures,
                              @NotNull @Min(0) @Max(100) Integer percent) {
    }

    record DecideDeadlineChange(@NotNull Boolean approved, @Size(max = 2000) String note) {
    }
}
