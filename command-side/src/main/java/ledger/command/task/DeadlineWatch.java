package ledger.command.task;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.LocalDate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import ledger.command.infrastructure.CommandSender;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.task.CompletionVerifiedEvent;
import ledger.kernel.task.DeadlineStanding;
import ledger.kernel.task.DueDateSet;
import ledger.kernel.task.FollowUpStanding;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskCancelledEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskMergedEvent;
import ledger.kernel.task.UrgingNoticeIssuedEvent;
import ledger.kernel.task.WatchDeadlineCommand;
import ledger.kernel.task.WatchFollowUpsCommand;
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
 * Watches due dates without an in-memory timer: the open tasks, their due dates and what each has
 * recorded are kept in MongoDB (due dates fed by the task events within the same command, what was
 * recorded by the task's own answer to the watch), and at start-up
 * and then every {@code ledger.deadlines.check-interval} each task whose next moment has come
 * (by {@link DeadlinePolicy}) is told the time. The task records "at risk" and "missed" itself,
 * once per due date, and answers how it stands, which the watch keeps: so a watch that runs twice,
 * on two instances, or long after the moment (the service was down) records each fact once.
 * The same watch follows up receipts (签收, {@code ledger.receipt.days} working days) and urging
 * notices' days to reply: each row keeps the day the task next needs asking about them.
 */
@Component
@ProcessingGroup(DeadlineWatch.PROCESSOR)
public class DeadlineWatch {

    static final String PROCESSOR = "deadline-watch";
    private static final String FOLLOW_UP = "followUpOn";
    static final Actor WATCH = new Actor("system-deadline-watch", Role.SYSTEM, null);
    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final MongoCollection<Document> open;
    private final CommandSender sender;
    private final Clock clock;
    private final DeadlinePolicy policy;
    private final ReceiptPolicy receipts;

    DeadlineWatch(MongoClient client, StoreConnection connection, CommandSender sender, Clock clock,
                  @Value("${ledger.deadlines.at-risk-days:3}") int atRiskDays,
                  @Value("${ledger.receipt.days:2}") int receiptDays) {
        this.open = client.getDatabase(connection.database()).getCollection("deadline_watch");
        this.sender = sender;
        this.clock = clock;
        this.policy = new DeadlinePolicy(atRiskDays);
        this.receipts = new ReceiptPolicy(receiptDays);
    }

    /** Assignment, an approved change, a leadership decision: every source of a due date. */
    @EventHandler
    void on(DueDateSet event) {
        if (event instanceof TaskAssignedEvent assigned) {
            LocalDate receiptLate = receipts.lastDay(BureauTime.dayOf(assigned.assignedAt())).plusDays(1);
            open.updateOne(eq("_id", event.taskId().value()), Updates.combine(
                    Updates.set("dueDate", event.dueDate().toString()), Updates.min(FOLLOW_UP, receiptLate.toString())),
                    new UpdateOptions().upsert(true));
            return;
        }
        open.updateOne(eq("_id", event.taskId().value()), Updates.set("dueDate", event.dueDate().toString()));
    }

    /** ISO days compare as text, so {@code $min} keeps the earliest day to look again. */
    @EventHandler
    void on(UrgingNoticeIssuedEvent event) {
        open.updateOne(eq("_id", event.taskId().value()), Updates.min(FOLLOW_UP, event.replyBy().plusDays(1).toString()));
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

    /** At start-up every open task is asked once, which also mends rows an earlier version left stale. */
    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        pass(true);
    }

    /** One pass over the open tasks; returns how many were told the time. */
    @Scheduled(fixedDelayString = "${ledger.deadlines.check-interval:60s}",
            initialDelayString = "${ledger.deadlines.check-interval:60s}")
    public int check() {
        return pass(false);
    }

    private int pass(boolean everyTask) {
        LocalDate today = BureauTime.dayOf(clock.instant());
        int told = 0;
        // open tasks are a bounded set (a month's key tasks and their stragglers), so a scan is fine here
        for (Document task : open.find()) {
            LocalDate next = policy.nextCheckOn(LocalDate.parse(task.getString("dueDate")),
                    date(task, "atRiskFor"), date(task, "missedFor"));
            LocalDate followUp = date(task, FOLLOW_UP);
            boolean deadlineDue = everyTask || next != null && !today.isBefore(next);
            boolean followUpDue = everyTask || followUp != null && !today.isBefore(followUp);
            if (deadlineDue) {
                tell(task.getString("_id"));
            }
            if (followUpDue) {
                followUp(task.getString("_id"));
            }
            if (deadlineDue || followUpDue) {
                told++;
            }
        }
        return told;
    }

    private void tell(String taskId) {
        try {
            DeadlineStanding standing = sender.askAs(WATCH,
                    new WatchDeadlineCommand(new TaskId(taskId), clock.instant(), policy.atRiskDays()));
            keep(taskId, standing);
        } catch (RuntimeException e) {
            // one task's trouble must not stop the others; the next pass tries again
            log.warn("Deadline watch could not update {}: {}", taskId, e.toString());
        }
    }

    private void followUp(String taskId) {
        try {
            FollowUpStanding standing = sender.askAs(WATCH,
                    new WatchFollowUpsCommand(new TaskId(taskId), clock.instant(), receipts.receiptDays()));
            // nothing to follow up: the field goes, since a null would win every later $min (null sorts first)
            // and a notice issued afterwards would never be looked at
            open.updateOne(eq("_id", taskId), standing.nextCheckOn() == null ? Updates.unset(FOLLOW_UP)
                    : Updates.set(FOLLOW_UP, standing.nextCheckOn().toString()));
        } catch (RuntimeException e) {
            log.warn("Deadline watch could not follow up {}: {}", taskId, e.toString());
        }
    }

    private void keep(String taskId, DeadlineStanding standing) {
        if (!standing.open()) {
            open.deleteOne(eq("_id", taskId));
            return;
        }
        open.updateOne(eq("_id", taskId), Updates.combine(Updates.set("dueDate", standing.dueDate().toString()),
                Updates.set("atRiskFor", text(standing.atRiskFor())), Updates.set("missedFor", text(standing.missedFor()))));
    }

    private static LocalDate date(Document task, String field) {
        String value = task.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
