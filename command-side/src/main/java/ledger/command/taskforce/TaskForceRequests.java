package ledger.command.taskforce;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ledger.kernel.taskforce.LeadershipMeeting;
import ledger.kernel.taskforce.ProblemKind;

final class TaskForceRequests {

    private TaskForceRequests() {
    }

    record Form(@Schema(description = "the hard problem the task force is formed for (工作难题)")
                @NotBlank @Size(max = 1000) String problem,
                @Schema(description = "a personnel problem (人事类) is led by the bureau leader in charge of personnel, "
                        + "with the personnel office as a member; a business problem (业务类) by the leader in charge "
                        + "of its area")
                @NotNull ProblemKind kind,
                @Schema(description = "the area of work the problem lies in, one of the lead leader's areas in charge "
                        + "(分管); required for BUSINESS")
                @Size(max = 60) String area,
                @Schema(description = "the bureau leader who leads it: the signed-in leader themself")
                @NotBlank String leadLeaderId,
                @Schema(description = "the registered units that take part, e.g. the business units and affiliated "
                        + "units concerned")
                @NotNull @Size(max = 30) List<@NotBlank String> memberUnitIds,
                @Schema(description = "the recorded tasks escalated to it")
                @NotNull @Size(min = 1, max = 50) List<@NotBlank String> taskIds) {
    }

    record Meeting(@Schema(description = "the day the task force met") @NotNull LocalDate heldOn,
                   @Schema(description = "what was discussed and agreed (会议纪要)")
                   @NotBlank @Size(max = 8000) String minutes) {
    }

    record Opinion(@Schema(description = "the task force's feasibility opinion (可行性意见) on the major problem; a "
                           + "referral needs one")
                   @NotBlank @Size(max = 8000) String opinion) {
    }

    record Referral(@Schema(description = "the meeting that is to decide: the Party Group Meeting (局党组会) or the Bureau "
                            + "Affairs Meeting (局务会); one referral waits at a time")
                    @NotNull LeadershipMeeting meeting) {
    }

    record Decision(@Schema(description = "the meeting that decided: the one the problem is referred to")
                    @NotNull LeadershipMeeting meeting,
                    @Schema(description = "the decision's reference, e.g. the number of the minutes")
                    @NotBlank @Size(max = 100) String decisionRef,
                    @Schema(description = "what the meeting decided") @NotBlank @Size(max = 8000) String decision,
                    @Schema(description = "the new due date of every linked task; left out, each keeps its own")
                    LocalDate newDueDate,
                    @Schema(description = "the new lead leader of every linked task, a cadre with a recorded leader "
                            + "appointment; left out, each keeps its own")
                    String newLeadLeaderId,
                    @Schema(description = "the new lead unit of every linked task, a registered unit; left out, each "
                            + "keeps its own")
                    String newLeadUnitId,
                    @Schema(description = "whether the decision resolves the problem; if so the ledger no longer "
                            + "shows the linked tasks as escalated")
                    @NotNull Boolean problemResolved) {
    }

    record Dissolution(@Schema(description = "what the task force achieved; its tasks are released from it")
                       @NotBlank @Size(max = 4000) String outcome) {
    }
}
