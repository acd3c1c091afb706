package ledger.command.task;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import ledger.command.infrastructure.CommandAccepted;
import ledger.command.infrastructure.CommandSender;
import ledger.command.infrastructure.IfMatch;
import ledger.command.organisation.OrganisationDirectory;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.task.AssignTaskCommand;
import ledger.kernel.task.ClaimCompletionCommand;
import ledger.kernel.task.DecideDeadlineChangeCommand;
import ledger.kernel.task.Milestone;
import ledger.kernel.task.RejectCompletionCommand;
import ledger.kernel.task.RequestDeadlineChangeCommand;
import ledger.kernel.task.VerifyCompletionCommand;
import ledger.kernel.task.ReportProgressCommand;
import ledger.kernel.task.AnswerUrgingNoticeCommand;
import ledger.kernel.task.IssueUrgingNoticeCommand;
import ledger.kernel.task.ReceiveTaskCommand;
import ledger.kernel.task.UrgingNoticeId;
import ledger.kernel.task.TaskId;
import ledger.security.CurrentActor;
import ledger.web.IdGenerator;
import ledger.web.RequestFields;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Key tasks 重点工作任务")
class TaskController {

    private final CommandSender sender;
    private final OrganisationDirectory directory;
    private final IdGenerator ids;
    private final Clock clock;

    TaskController(CommandSender sender, OrganisationDirectory directory, IdGenerator ids, Clock clock) {
        this.sender = sender;
        this.directory = directory;
        this.ids = ids;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Assign a key task with its lead leader and lead unit (交办重点工作任务)")
    ResponseEntity<CommandAccepted> assign(@Valid @RequestBody AssignTaskRequest request) {
        TaskId taskId = new TaskId("task-" + ids.newId());
        CadreId leader = RequestFields.id("leadLeaderId", request.leadLeaderId(), CadreId::new);
        UnitId leadUnit = RequestFields.id("leadUnitId", request.leadUnitId(), UnitId::new);
        List<UnitId> coUnits = RequestFields.ids("coUnitIds", request.coUnitIds(), UnitId::new);
        directory.requireBureauLeader(leader);
        directory.requireUnit(leadUnit);
        coUnits.forEach(directory::requireUnit);
        AssignTaskCommand command = new AssignTaskCommand(taskId, request.title(), request.description(),
                request.source(), request.sourceReference(), leader, leadUnit,
                coUnits, request.dueDate(), request.ledgerMonth(), clock.instant(), request.milestones() == null
                        ? List.of() : request.milestones().stream().map(m -> new Milestone(m.name(), m.dueDate())).toList());
        CommandAccepted accepted = sender.send(command, taskId.value());
        return ResponseEntity.created(URI.create("/api/tasks/" + taskId))
                .header(HttpHeaders.ETAG, IfMatch.etag(accepted.version()))
                .body(accepted);
    }

    @PostMapping("/{taskId}/progress-reports")
    @Operation(summary = "Report progress on a task (报告进展)")
    ResponseEntity<CommandAccepted> reportProgress(
            @PathVariable String taskId,
            @Valid @RequestBody ReportProgressRequest request) {
        TaskId id = RequestFields.id("taskId", taskId, TaskId::new);
        ReportProgressCommand command = new ReportProgressCommand(id, CurrentActor.get(), request.percent(),
                request.narrative(), clock.instant(), request.milestone());
        CommandAccepted accepted = sender.send(command, id.value());
        return ResponseEntity.created(URI.create("/api/tasks/" + id + "/progress-reports/" + accepted.version()))
                .header(HttpHeaders.ETAG, IfMatch.etag(accepted.version()))
                .body(accepted);
    }

    @PostMapping("/{taskId}/completion-claims")
    @Operation(summary = "The lead unit claims the task complete (申报完成)")
    ResponseEntity<CommandAccepted> claimCompletion(@PathVariable String taskId,
            @Valid @RequestBody TaskRequests.ClaimCompletion request) {
        TaskId id = RequestFields.id("taskId", taskId, TaskId::new);
        return accepted(id, "completion-claims", sender.send(
                new ClaimCompletionCommand(id, CurrentActor.get(), request.summary(), clock.instant()), id.value(),
                null));
    }

    @PostMapping("/{taskId}/completion-verifications")
    @Operation(summary = "The supervision group verifies a claimed completion (核验完成)")
    ResponseEntity<CommandAccepted> verifyCompletion(@PathVariable String taskId,
            @Valid @RequestBody TaskRequests.VerifyCompletion request) {
        TaskId id = RequestFields.id("taskId", taskId, TaskId::new);
        return accepted(id, "completion-verifications", sender.send(
                new VerifyCompletionCommand(id, CurrentActor.get(), request.note(), clock.instant()), id.value()));
    }

    @PostMapping("/{taskId}/completion-rejections")
    @Operation(summary = "The supervision group rejects a claimed completion, with the reason (退回)")
    ResponseEntity<CommandAccepted> rejectCompletion(@PathVariable String taskId,
            @Valid @RequestBody TaskRequests.RejectCompletion request) {
        TaskId id = RequestFields.id("taskId", taskId, TaskId::new);
        return accepted(id, "completion-rejections", sender.send(
                new RejectCompletionCommand(id, CurrentActor.get(), request.reason(), clock.instant()), id.value(),
                request.reason()));
    }

    @PostMapping("/{taskId}/deadline-change-requests")
    @Operation(summary = "A task unit asks for a new due date, with the reason (申请调整时限)")
    ResponseEntity<CommandAccepted> requestDeadlineChange(@PathVariable String taskId,
            @Valid @RequestBody TaskRequests.RequestDeadlineChange request) {
        TaskId id = RequestFields.id("taskId", taskId, TaskId::new);
        return accepted(id, "deadline-change-requests", sender.send(new RequestDeadlineChangeCommand(id,
                CurrentActor.get(), request.proposedDueDate(), request.reason(), clock.instant()), id.value(),
                request.reason()));
    }

    @PostMapping("/{taskId}/deadline-change-decisions")
    @Operation(summary = "The lead leader approves or declines the requested due date (审批时限调整)")
    ResponseEntity<CommandAccepted> decideDeadlineChange(@PathVariable String taskId,
            @Valid @RequestBody TaskRequests.DecideDeadlineChange request) {
        TaskId id = RequestFields.id("taskId", taskId, TaskId::new);
        return accepted(id, "deadline-change-decisions", sender.send(new DecideDeadlineChangeCommand(id,
                CurrentActor.get(), request.approved(), request.note(), clock.instant()), id.value(), request.note()));
    }

    @PostMapping("/{taskId}/receipts")
    @Operation(summary = "A lead unit or co-unit signs for the task, for its own part (签收)")
    ResponseEntity<CommandAccepted> receive(@PathVariable String taskId) {
        TaskId id = RequestFields.id("taskId", taskId, TaskId::new);
        return accepted(id, "receipts", sender.send(new ReceiveTaskCommand(id, CurrentActor.get(), clock.instant()),
                id.value()));
    }

    @PostMapping("/{taskId}/urging-notices")
    @Operation(summary = "The supervision group urges the task, with a day to reply by (催办, 督办通知)")
    ResponseEntity<CommandAccepted> urge(@PathVariable String taskId,
            @Valid @RequestBody TaskRequests.IssueUrgingNotice request) {
        TaskId id = RequestFields.id("taskId", taskId, TaskId::new);
        UrgingNoticeId notice = new UrgingNoticeId("notice-" + ids.newId());
        CommandAccepted accepted = sender.send(new IssueUrgingNoticeCommand(id, notice, CurrentActor.get(),
                request.reason(), request.expectation(), request.replyBy(), clock.instant()), id.value(), request.reason());
        return ResponseEntity.created(URI.create("/api/tasks/" + id + "/urging-notices/" + notice))
                .header(HttpHeaders.ETAG, IfMatch.etag(accepted.version()))
                .body(new CommandAccepted(notice.value(), accepted.version(), accepted.position()));
    }

    @PostMapping("/{taskId}/urging-notices/{noticeId}/replies")
    @Operation(summary = "The lead unit replies to an urging notice: explanation, measures, progress (回复督办)")
    ResponseEntity<CommandAccepted> reply(@PathVariable String taskId, @PathVariable String noticeId,
            @Valid @RequestBody TaskRequests.AnswerUrgingNotice request) {
        TaskId id = RequestFields.id("taskId", taskId, TaskId::new);
        UrgingNoticeId notice = RequestFields.id("noticeId", noticeId, UrgingNoticeId::new);
        return accepted(id, "urging-notices/" + notice + "/replies", sender.send(new AnswerUrgingNoticeCommand(id,
                notice, CurrentActor.get(), request.explanation(), request.measures(), request.percent(),
                clock.instant()), id.value()));
    }

    private static ResponseEntity<CommandAccepted> accepted(TaskId id, String resource, CommandAccepted accepted) {
        return ResponseEntity.created(URI.create("/api/tasks/" + id + "/" + resource + "/" + accepted.version()))
                .header(HttpHeaders.ETAG, IfMatch.etag(accepted.version()))
                .body(accepted);
    }
}
