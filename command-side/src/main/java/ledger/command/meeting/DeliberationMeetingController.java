package ledger.command.meeting;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import ledger.command.infrastructure.CommandAccepted;
import ledger.command.infrastructure.CommandSender;
import ledger.command.organisation.OrganisationDirectory;
import ledger.command.task.RecordedTasks;
import ledger.kernel.meeting.AssignTaskAtMeetingCommand;
import ledger.kernel.meeting.CloseDeliberationMeetingCommand;
import ledger.kernel.meeting.ConveneDeliberationMeetingCommand;
import ledger.kernel.meeting.DecideTaskCancellationCommand;
import ledger.kernel.meeting.MeetingId;
import ledger.kernel.meeting.ReviewLaggingTaskCommand;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.task.TaskId;
import ledger.store.MongoEventStorageEngine;
import ledger.web.IdGenerator;
import ledger.web.RequestFields;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/deliberation-meetings")
@Tag(name = "Director's deliberation meeting 局长议事会")
class DeliberationMeetingController {

    /** How long an assignment waits for its task; past it the answer is 202 with the task's id. */
    private static final Duration TASK_WAIT = Duration.ofSeconds(30);

    private final CommandSender sender;
    private final OrganisationDirectory directory;
    private final MongoEventStorageEngine store;
    private final RecordedTasks tasks;
    private final IdGenerator ids;
    private final Clock clock;

    DeliberationMeetingController(CommandSender sender, OrganisationDirectory directory, MongoEventStorageEngine store,
                                  RecordedTasks tasks, IdGenerator ids, Clock clock) {
        this.tasks = tasks;
        this.sender = sender;
        this.directory = directory;
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Convene the meeting for a ledger month; it keeps the position the ledger stood at")
    ResponseEntity<CommandAccepted> convene(@Valid @RequestBody MeetingRequests.Convene request) {
        MeetingId id = new MeetingId("meeting-" + request.month() + "-" + ids.newId());
        CommandAccepted accepted = sender.send(new ConveneDeliberationMeetingCommand(id, request.month(),
                request.heldOn(), store.lastReservedPosition(), clock.instant()), id.value());
        return ResponseEntity.created(URI.create("/api/deliberation-meetings/" + id)).body(accepted);
    }

    @PostMapping("/{meetingId}/lagging-task-reviews")
    @Operation(summary = "Record a lagging task's causes and countermeasures (原因与对策措施)")
    ResponseEntity<CommandAccepted> review(@PathVariable String meetingId,
                                           @Valid @RequestBody MeetingRequests.Review request) {
        MeetingId id = meeting(meetingId);
        TaskId task = requireTask("taskId", request.taskId());
        return created(id, "/lagging-task-reviews", sender.send(new ReviewLaggingTaskCommand(id, task,
                request.causes(), request.countermeasures(), clock.instant()), id.value()));
    }

    @PostMapping("/{meetingId}/task-assignments")
    @Operation(summary = "Assign one of next month's key tasks at the meeting (部署下月重点工作), whatever its "
            + "requirement's source; answers with the new task's id and position (202 if the task is not made yet)")
    ResponseEntity<CommandAccepted> assign(@PathVariable String meetingId,
                                           @Valid @RequestBody MeetingRequests.Assign request) {
        MeetingId id = meeting(meetingId);
        CadreId leader = RequestFields.id("leadLeaderId", request.leadLeaderId(), CadreId::new);
        UnitId leadUnit = RequestFields.id("leadUnitId", request.leadUnitId(), UnitId::new);
        List<UnitId> coUnits = RequestFields.ids("coUnitIds", request.coUnitIds(), UnitId::new);
        directory.requireBureauLeader(leader);
        directory.requireUnit(leadUnit);
        coUnits.forEach(directory::requireUnit);
        TaskId task = new TaskId("task-" + ids.newId());
        CommandAccepted recorded = sender.send(new AssignTaskAtMeetingCommand(id, task, request.title(),
                request.description(), request.source(), request.sourceReference(), leader, leadUnit, coUnits,
                request.dueDate(), clock.instant()), id.value());
        // the answer is the new task's: its id and the position of its assignment, once the meeting's flow made it
        return assigned(task).map(taskAccepted -> ResponseEntity.created(URI.create("/api/tasks/" + task))
                        .body(taskAccepted))
                .orElseGet(() -> ResponseEntity.accepted().location(URI.create("/api/tasks/" + task))
                        .body(new CommandAccepted(task.value(), -1, recorded.position())));
    }

    /** The new task's assignment, waited for (the flow follows the meeting's event within moments); empty if late. */
    private Optional<CommandAccepted> assigned(TaskId task) {
        long giveUp = System.nanoTime() + TASK_WAIT.toNanos();
        while (true) {
            Long position = store.positionsOf(task.value()).get(0L);
            if (position != null) {
                return Optional.of(new CommandAccepted(task.value(), 0, position));
            }
            if (System.nanoTime() - giveUp > 0) {
                return Optional.empty();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    @PostMapping("/{meetingId}/task-cancellations")
    @Operation(summary = "Decide to cancel a task, or to merge it into another (intoTaskId) (撤销/合并任务)")
    ResponseEntity<CommandAccepted> cancel(@PathVariable String meetingId,
                                           @Valid @RequestBody MeetingRequests.Cancel request) {
        MeetingId id = meeting(meetingId);
        TaskId task = requireTask("taskId", request.taskId());
        TaskId into = request.intoTaskId() == null ? null : requireTask("intoTaskId", request.intoTaskId());
        return created(id, "/task-cancellations", sender.send(new DecideTaskCancellationCommand(id, task, into,
                request.reason(), clock.instant()), id.value(), request.reason()));
    }

    private TaskId requireTask(String field, String raw) {
        TaskId task = RequestFields.id(field, raw, TaskId::new);
        tasks.require(task, ErrorCode.UNKNOWN_TASK);
        return task;
    }

    @PostMapping("/{meetingId}/closure")
    @Operation(summary = "Close the meeting; its record becomes final")
    ResponseEntity<CommandAccepted> close(@PathVariable String meetingId) {
        MeetingId id = meeting(meetingId);
        return created(id, "/closure", sender.send(new CloseDeliberationMeetingCommand(id, clock.instant()), id.value()));
    }

    private static MeetingId meeting(String raw) {
        return RequestFields.id("meetingId", raw, MeetingId::new);
    }

    private static ResponseEntity<CommandAccepted> created(MeetingId id, String resource, CommandAccepted accepted) {
        return ResponseEntity.created(URI.create("/api/deliberation-meetings/" + id + resource)).body(accepted);
    }
}
