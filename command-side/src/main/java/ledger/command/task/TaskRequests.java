package ledger.command.task;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the task's lifecycle resources. */
final class TaskRequests {

    private TaskRequests() {
    }

    record ClaimCompletion(@Schema(description = "what was done, as the lead unit claims the task complete (申报完成); "
                                   + "the supervision group verifies it")
                           @NotBlank @Size(max = 4000) String summary) {
    }

    record VerifyCompletion(@Schema(description = "the supervision group's remark on the completion it verifies")
                            @Size(max = 2000) String note) {
    }

    record RejectCompletion(@Schema(description = "why the claimed completion is rejected (退回); the task stays open")
                            @NotBlank @Size(max = 2000) String reason) {
    }

    record RequestDeadlineChange(@Schema(description = "the due date asked for, other than the current one; the lead "
                                         + "leader decides")
                                 @NotNull LocalDate proposedDueDate,
                                 @Schema(description = "why the task needs it") @NotBlank @Size(max = 2000) String reason) {
    }

    record IssueUrgingNotice(@Schema(description = "why the task is urged (催办)") @NotBlank @Size(max = 2000) String reason,
                             @Schema(description = "what the lead unit is expected to do (督办要求)")
                             @NotBlank @Size(max = 2000) String expectation,
                             @Schema(description = "the day the lead unit is to reply by; not before the day of issue; "
                                     + "a later reply is marked late, none at all is recorded as unanswered")
                             @NotNull LocalDate replyBy) {
    }

    record AnswerUrgingNotice(@Schema(description = "the lead unit's explanation of where the task stands and why")
                              @NotBlank @Size(max = 4000) String explanation,
                              @Schema(description = "what the lead unit does about it (整改措施)")
                              @NotBlank @Size(max = 4000) String measures,
                              @Schema(description = "the task's progress now, in percent of the whole; not below the last "
                                      + "reported")
                              @NotNull @Min(0) @Max(100) Integer percent) {
    }

    record DecideDeadlineChange(@Schema(description = "true to approve the requested due date, false to decline it")
                                @NotNull Boolean approved,
                                @Schema(description = "the lead leader's remark") @Size(max = 2000) String note) {
    }
}
