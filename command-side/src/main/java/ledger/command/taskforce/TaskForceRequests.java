package ledger.command.taskforce;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ledger.kernel.taskforce.LeadershipMeeting;
import ledger.kernel.taskforce.ProblemKind;

final class TaskForceRequests {

    private TaskForceRequests() {
    }

    record Form(@NotBlank @Size(max = 1000) String problem, @NotNull ProblemKind kind, @Size(max = 60) String area,
                @NotBlank String leadLeaderId, @NotNull @Size(max = 30) List<@NotBlank String> memberUnitIds,
                @NotEmpty @Size(max = 50) List<@NotBlank String> taskIds) {
    }

    record Meeting(@NotNull LocalDate heldOn, @NotBlank @Size(max = 8000) String minutes) {
    }

    record Opinion(@NotBlank @Size(max = 8000) String opinion) {
    }

    record Referral(@NotNull LeadershipMeeting meeting) {
    }

    record Decision(@NotNull LeadershipMeeting meeting, @NotBlank @Size(max = 100) String decisionRef,
                    @NotBlank @Size(max = 8000) String decision, LocalDate newDueDate, String newLeadLeaderId,
                    String newLeadUnitId, @NotNull Boolean problemResolved) {
    }

    record Dissolution(@NotBlank @Size(max = 4000) String outcome) {
    }
}
