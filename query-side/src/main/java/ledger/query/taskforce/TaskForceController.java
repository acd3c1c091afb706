package ledger.query.taskforce;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The task forces' records, for the bureau's staff (like the tasks they unblock). */
@RestController
@Tag(name = "Task forces 工作难题专班")
class TaskForceController {

    record TaskForceSummary(String taskForceId, String problem, String kind, String area, String leadLeaderId,
                            List<String> taskIds, Instant formedAt, String pendingReferral, int decisions,
                            Instant dissolvedAt) {
    }

    private final TaskForceReader taskForces;

    TaskForceController(TaskForceReader taskForces) {
        this.taskForces = taskForces;
    }

    @GetMapping("/api/task-forces")
    @Operation(summary = "The task forces, active ones first")
    List<TaskForceSummary> list(@RequestParam(required = false) @PositiveOrZero Long minPosition) {
        return taskForces.all(minPosition).stream().map(t -> new TaskForceSummary(t.taskForceId(), t.problem(),
                t.kind(), t.area(), t.leadLeaderId(), t.taskIds(), t.formedAt(), t.pendingReferral(),
                t.decisions().size(), t.dissolvedAt())).toList();
    }

    @GetMapping("/api/task-forces/{taskForceId}")
    @Operation(summary = "A task force's record: members, tasks, meetings, opinions, referrals, decisions, outcome")
    TaskForceView taskForce(@PathVariable String taskForceId,
                            @RequestParam(required = false) @PositiveOrZero Long minPosition) {
        return taskForces.taskForce(taskForceId, minPosition);
    }
}
