package ledger.query.web.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ledger.kernel.shared.MetadataKeys;
import ledger.kernel.task.CompletionClaimedEvent;
import ledger.kernel.task.CompletionRejectedEvent;
import ledger.kernel.task.CompletionVerifiedEvent;
import ledger.kernel.task.DeadlineChangeDeclinedEvent;
import ledger.kernel.task.DeadlineChangeRequestedEvent;
import ledger.kernel.task.DeadlineChangedEvent;
import ledger.kernel.task.ProgressReportedEvent;
import ledger.kernel.task.TaskReceivedLateEvent;
import ledger.kernel.task.UrgingNoticeAnsweredEvent;
import ledger.kernel.task.UrgingNoticeIssuedEvent;
import ledger.kernel.task.UrgingNoticeWentUnansweredEvent;
import ledger.store.MongoEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A task's events as the task page lists them: position, when, what, who in which role, and why; the
 * bulletin and score pages pick evidence events from them by id.
 */
@Component
public class TaskTimeline {

    private final MongoEventStorageEngine engine;
    private final MessageSource messages;

    TaskTimeline(MongoEventStorageEngine engine, MessageSource messages) {
        this.engine = engine;
        this.messages = messages;
    }

    private String say(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    public record Row(String eventId, Long position, Instant at, String type, String actorId, String role, String text) {
    }

    /** A change of the due date: the original stays in the first row. */
    public record DeadlineRow(Instant at, LocalDate from, LocalDate to, String reason, String decidedBy) {
    }

    public record Read(List<Row> rows, List<DeadlineRow> deadlines) {
    }

    public Read of(String taskId) {
        Map<Long, Long> positions = engine.positionsOf(taskId);
        // what the command side did not seal is no part of the task's history (the views skip it too)
        Set<Long> notGenuine = engine.notGenuine(taskId);
        List<? extends DomainEventMessage<?>> events = engine.readEvents(taskId, 0).asStream()
                .filter(event -> !notGenuine.contains(event.getSequenceNumber())).toList();
        List<Row> rows = new ArrayList<>();
        List<DeadlineRow> deadlines = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            Map<String, ?> meta = event.getMetaData();
            Object payload = event.getPayload();
            String reason = meta.get(MetadataKeys.REASON) instanceof String r ? r : null;
            String text;
            if (payload instanceof ProgressReportedEvent e) {
                text = e.percent() + "%：" + e.narrative()
                        + (e.milestoneReached() == null ? "" : "（" + e.milestoneReached() + "）");
            } else if (payload instanceof DeadlineChangeRequestedEvent e) {
                text = e.currentDueDate() + " → " + e.proposedDueDate() + "：" + e.reason();
            } else if (payload instanceof DeadlineChangedEvent e) {
                deadlines.add(new DeadlineRow(event.getTimestamp(), e.previousDueDate(), e.newDueDate(), e.reason(),
                        e.approvedBy() == null ? null : e.approvedBy().value()));
                text = e.previousDueDate() + " → " + e.newDueDate();
            } else if (payload instanceof DeadlineChangeDeclinedEvent e) {
                text = e.proposedDueDate() + (e.note() == null ? "" : "：" + e.note());
            } else if (payload instanceof CompletionClaimedEvent e) {
                text = e.summary();
            } else if (payload instanceof CompletionRejectedEvent e) {
                text = e.reason();
            } else if (payload instanceof CompletionVerifiedEvent e) {
                text = e.note() == null ? "" : e.note();
            } else if (payload instanceof UrgingNoticeIssuedEvent e) {
                text = e.reason() + "；" + e.expectation() + "；" + say("task.urging.replyBy", e.replyBy());
            } else if (payload instanceof UrgingNoticeAnsweredEvent e) {
                text = e.percent() + "%：" + e.explanation() + "；" + e.measures()
                        + (e.late() ? "；" + say("task.urging.lateReply") : "");
            } else if (payload instanceof UrgingNoticeWentUnansweredEvent e) {
                text = say("task.urging.replyBy", e.replyBy());
            } else if (payload instanceof TaskReceivedLateEvent e) {
                text = say("task.receipt.dueBy", e.receiptDueBy());
            } else {
                text = reason == null ? "" : reason;
            }
            rows.add(new Row(event.getIdentifier(), positions.get(event.getSequenceNumber()), event.getTimestamp(),
                    event.getPayloadType().getSimpleName(), meta.get(MetadataKeys.ACTOR_ID) instanceof String a ? a : null,
                    meta.get(MetadataKeys.ACTOR_ROLE) instanceof String r ? r : null, text));
        }
        return new Read(List.copyOf(rows), List.copyOf(deadlines));
    }
}
