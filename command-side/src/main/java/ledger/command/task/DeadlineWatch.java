package ledger.command.task;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.LocalDate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import ledger.command.infrastructure.CommandSender;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.task.CompletionVerifiedEvent;
import ledger.kernel.task.DeadlineChangedEvent;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskCancelledEvent;
import ledger.kernel.task.TaskFellAtRiskEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskMergedEvent;
import ledger.kernel.task.WatchDeadlineCommand;
import ledger.store.StoreConnection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches due dates without an in-memory timer: the open tasks and their due dates are kept in
 * MongoDB (fed by the task events within the same command), and at start-up and then every
 * {@code ledger.deadlines.check-interval} each task that is due soon or overdue is told the time.
 * The task records "at risk" and "missed" itself, once per due date, so a watch that runs twice,
 * on two instances, or long after the moment (the service was down) records each fact once.
 */
@Component
@ProcessingGroup(DeadlineWatch.PROCESSOR)
public class DeadlineWatch {

    static final String PROCESSOR = "deadline-watch";
    static final Actor WATCH = new Actor("system-deadline-watch", Role.SYSTEM, null);
    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final MongoCollection<Document> open;
    private final CommandSender sender;
    private final Clock clock;
    private final int atRiskDays;

    DeadlineWatch(MongoClient client, StoreConnection connection, CommandSender sender, Clock clock,
                  @Value("${ledger.deadlines.at-risk-days:3}") int atRiskDays) {
        this.open = client.getDatabase(connection.database()).getCollection("deadline_watch");
        this.sender = sender;
        this.clock = clock;
        this.atRiskDays = atRiskDays;
    }

    @EventHandler
    void on(TaskAssignedEvent event) {
        open.replaceOne(eq("_id", event.taskId().value()), new Document("_id", event.taskId().value())
                .append("dueDate", event.dueDate().toString()), new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(DeadlineChangedEvent event) {
        open.updateOne(eq("_id", event.taskId().value()), Updates.set("dueDate", event.newDueDate().toString()));
    }

    @EventHandler
    void on(TaskFellAtRiskEvent event) {
        open.updateOne(eq("_id", event.taskId().value()), Updates.set("atRiskFor", event.dueDate().toString()));
    }

    @EventHandler
    void on(DeadlineMissedEvent event) {
        open.updateOne(eq("_id", event.taskId().value()), Updates.set("missedFor", event.dueDate().toString()));
    }

    @EventHandler
    void on(CompletionVerifiedEvent event) {
        open.deleteOne(eq("_id", event.taskId().value()));
    }

    @EventHandler
    void on(TaskCancelledEvent event) {
        open.deleteOne(eq("_id", event.taskId().value()));
    }

    @EventHandler
    void on(TaskMergedEvent event) {
        open.deleteOne(eq("_id", event.taskId().value()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        check();
    }

    /** One pass over the open tasks; returns how many were told the time. */
    @Scheduled(fixedDelayString = "${ledger.deadlines.check-interval:60s}",
            initialDelayString = "${ledger.deadlines.check-interval:60s}")
    public int check() {
        LocalDate today = BureauTime.dayOf(clock.instant());
        int told = 0;
        // open tasks are a bounded set (a month's key tasks and their stragglers), so a scan is fine here
        for (Document task : open.find()) {
            LocalDate due = LocalDate.parse(task.getString("dueDate"));
            boolean missed = today.isAfter(due) && !due.toString().equals(task.getString("missedFor"));
            boolean atRisk = !today.isAfter(due) && !today.isBefore(due.minusDays(atRiskDays))
                    && !due.toString().equals(task.getString("atRiskFor"));
            if (missed || atRisk) {
                tell(task.getString("_id"));
                told++;
            }
        }
        return told;
    }

    private void tell(String taskId) {
        try {
            sender.sendAs(WATCH, new WatchDeadlineCommand(new TaskId(taskId), clock.instant(), atRiskDays), taskId,
                    null);
        } catch (RuntimeException e) {
            // one task's trouble must not stop the others; the next pass tries again
            log.warn("Deadline watch could not update {}: {}", taskId, e.toString());
        }
    }
}
