package ledger.command.taskforce;

import ledger.kernel.task.ApplyLeadershipDecisionCommand;
import ledger.kernel.task.EscalateTaskCommand;
import ledger.kernel.task.ReleaseFromTaskForceCommand;
import ledger.kernel.task.TaskId;
import ledger.kernel.taskforce.LeadershipDecisionRecordedEvent;
import ledger.kernel.taskforce.TaskForceDissolvedEvent;
import ledger.kernel.taskforce.TaskForceFormedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Carries a task force's facts to its linked tasks: escalation when it is formed, the meeting's
 * decision when recorded, release when dissolved. A tracking processor with its token in
 * MongoDB, so a flow interrupted by a restart resumes; every command it sends is harmless to
 * repeat, and it does not run on a replay. The commands carry the causing event's actor and
 * correlation (Axon's correlation data), so each task event names who set it in motion.
 */
@Component
@ProcessingGroup("command-flows")
@DisallowReplay
class TaskForceFlows {

    private final CommandGateway commands;

    TaskForceFlows(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(TaskForceFormedEvent event) {
        for (TaskId task : event.taskIds()) {
            commands.sendAndWait(new EscalateTaskCommand(task, event.taskForceId(), event.problem(), event.formedAt()));
        }
    }

    @EventHandler
    void on(LeadershipDecisionRecordedEvent event) {
        for (TaskId task : event.taskIds()) {
            commands.sendAndWait(new ApplyLeadershipDecisionCommand(task, event.taskForceId(), event.meeting(),
                    event.decisionRef(), event.effect(), event.recordedAt()));
        }
    }

    @EventHandler
    void on(TaskForceDissolvedEvent event) {
        for (TaskId task : event.taskIds()) {
            commands.sendAndWait(new ReleaseFromTaskForceCommand(task, event.taskForceId(), event.outcome(),
                    event.dissolvedAt()));
        }
    }
}
