package ledger.command.taskforce;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import ledger.command.infrastructure.CommandAccepted;
import ledger.command.infrastructure.CommandSender;
import ledger.command.organisation.OrganisationDirectory;
import ledger.command.task.RecordedTasks;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.task.TaskId;
import ledger.kernel.taskforce.DecisionEffect;
import ledger.kernel.taskforce.DissolveTaskForceCommand;
import ledger.kernel.taskforce.FormTaskForceCommand;
import ledger.kernel.taskforce.RecordLeadershipDecisionCommand;
import ledger.kernel.taskforce.RecordTaskForceMeetingCommand;
import ledger.kernel.taskforce.ReferProblemCommand;
import ledger.kernel.taskforce.SubmitFeasibilityOpinionCommand;
import ledger.kernel.taskforce.TaskForceId;
import ledger.security.CurrentActor;
import ledger.web.IdGenerator;
import ledger.web.RequestFields;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/task-forces")
@Tag(name = "Task forces 工作难题专班")
class TaskForceController {

    private final CommandSender sender;
    private final OrganisationDirectory directory;
    private final RecordedTasks recordedTasks;
    private final IdGenerator ids;
    private final Clock clock;

    TaskForceController(CommandSender sender, OrganisationDirectory directory, RecordedTasks recordedTasks,
                        IdGenerator ids, Clock clock) {
        this.sender = sender;
        this.directory = directory;
        this.recordedTasks = recordedTasks;
        this.ids = ids;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Form a task force for a stuck problem and escalate its tasks to it (成立工作难题专班)")
    ResponseEntity<CommandAccepted> form(@Valid @RequestBody TaskForceRequests.Form request) {
        TaskForceId id = new TaskForceId("tf-" + ids.newId());
        CadreId lead = RequestFields.id("leadLeaderId", request.leadLeaderId(), CadreId::new);
        List<UnitId> members = RequestFields.ids("memberUnitIds", request.memberUnitIds(), UnitId::new);
        members.forEach(directory::requireUnit);
        List<TaskId> tasks = RequestFields.ids("taskIds", request.taskIds(), TaskId::new);
        tasks.forEach(task -> recordedTasks.require(task, ErrorCode.UNKNOWN_TASK_FORCE_TASK));
        CommandAccepted accepted = sender.send(new FormTaskForceCommand(id, CurrentActor.get(), request.problem(),
                request.kind(), request.area(), lead, directory.leadFacts(lead), members, tasks, clock.instant()),
                id.value());
        return created(id, "", accepted);
    }

    @PostMapping("/{taskForceId}/meetings")
    @Operation(summary = "Record a task force meeting or step (专班会议)")
    ResponseEntity<CommandAccepted> meeting(@PathVariable String taskForceId,
                                            @Valid @RequestBody TaskForceRequests.Meeting request) {
        TaskForceId id = taskForce(taskForceId);
        return created(id, "/meetings", sender.send(new RecordTaskForceMeetingCommand(id, CurrentActor.get(),
                request.heldOn(), request.minutes(), clock.instant()), id.value()));
    }

    @PostMapping("/{taskForceId}/feasibility-opinions")
    @Operation(summary = "Submit the task force's feasibility opinion (可行性意见)")
    ResponseEntity<CommandAccepted> opinion(@PathVariable String taskForceId,
                                            @Valid @RequestBody TaskForceRequests.Opinion request) {
        TaskForceId id = taskForce(taskForceId);
        return created(id, "/feasibility-opinions", sender.send(new SubmitFeasibilityOpinionCommand(id,
                CurrentActor.get(), request.opinion(), clock.instant()), id.value()));
    }

    @PostMapping("/{taskForceId}/referrals")
    @Operation(summary = "Refer the major problem to the Party Group or Bureau Affairs Meeting (提交局党组会/局务会)")
    ResponseEntity<CommandAccepted> refer(@PathVariable String taskForceId,
                                          @Valid @RequestBody TaskForceRequests.Referral request) {
        TaskForceId id = taskForce(taskForceId);
        return created(id, "/referrals", sender.send(new ReferProblemCommand(id, CurrentActor.get(), request.meeting(),
                clock.instant()), id.value()));
    }

    @PostMapping("/{taskForceId}/decisions")
    @Operation(summary = "Record the meeting's decision; it flows back to every linked task (会议决定)")
    ResponseEntity<CommandAccepted> decision(@PathVariable String taskForceId,
                                             @Valid @RequestBody TaskForceRequests.Decision request) {
        TaskForceId id = taskForce(taskForceId);
        CadreId newLead = request.newLeadLeaderId() == null ? null
                : RequestFields.id("newLeadLeaderId", request.newLeadLeaderId(), CadreId::new);
        UnitId newUnit = request.newLeadUnitId() == null ? null
                : RequestFields.id("newLeadUnitId", request.newLeadUnitId(), UnitId::new);
        if (newLead != null) {
            directory.requireBureauLeader(newLead);
        }
        if (newUnit != null) {
            directory.requireUnit(newUnit);
        }
        DecisionEffect effect = new DecisionEffect(request.newDueDate(), newLead, newUnit, request.problemResolved());
        return created(id, "/decisions", sender.send(new RecordLeadershipDecisionCommand(id, CurrentActor.get(),
                request.meeting(), request.decisionRef(), request.decision(), effect, clock.instant()), id.value(),
                request.decision()));
    }

    @PostMapping("/{taskForceId}/dissolutions")
    @Operation(summary = "Dissolve the task force with its outcome (专班撤销)")
    ResponseEntity<CommandAccepted> dissolve(@PathVariable String taskForceId,
                                             @Valid @RequestBody TaskForceRequests.Dissolution request) {
        TaskForceId id = taskForce(taskForceId);
        return created(id, "/dissolutions", sender.send(new DissolveTaskForceCommand(id, CurrentActor.get(),
                request.outcome(), clock.instant()), id.value(), request.outcome()));
    }

    private static TaskForceId taskForce(String raw) {
        return RequestFields.id("taskForceId", raw, TaskForceId::new);
    }

    private static ResponseEntity<CommandAccepted> created(TaskForceId id, String resource, CommandAccepted accepted) {
        String location = "/api/task-forces/" + id + resource + (resource.isEmpty() ? "" : "/" + accepted.version());
        return ResponseEntity.created(URI.create(location)).body(accepted);
    }
}
