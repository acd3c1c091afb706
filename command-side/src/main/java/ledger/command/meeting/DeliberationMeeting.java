package ledger.command.meeting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;

import ledger.kernel.meeting.AssignTaskAtMeetingCommand;
import ledger.kernel.meeting.CloseDeliberationMeetingCommand;
import ledger.kernel.meeting.ConveneDeliberationMeetingCommand;
import ledger.kernel.meeting.DecideTaskCancellationCommand;
import ledger.kernel.meeting.DeliberationMeetingClosedEvent;
import ledger.kernel.meeting.DeliberationMeetingConvenedEvent;
import ledger.kernel.meeting.LaggingTaskReviewedEvent;
import ledger.kernel.meeting.MeetingId;
import ledger.kernel.meeting.ReviewLaggingTaskCommand;
import ledger.kernel.meeting.TaskAssignedAtMeetingEvent;
import ledger.kernel.meeting.TaskCancellationDecidedEvent;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.kernel.task.TaskId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The director's deliberation meeting (局长议事会) for a ledger month: it reviews the ledger as it
 * stood when convened, records causes and countermeasures for lagging tasks, and assigns next
 * month's key tasks. Closing it makes the record final.
 */
@Aggregate(commandTargetResolver = "expectedVersionTargetResolver")
class DeliberationMeeting {

    @AggregateIdentifier
    private MeetingId meetingId;
    private YearMonth month;
    private boolean closed;
    private Set<TaskId> reviewed = new HashSet<>();
    private int assigned;

    protected DeliberationMeeting() {
    }

    @CommandHandler
    DeliberationMeeting(ConveneDeliberationMeetingCommand command) {
        apply(new DeliberationMeetingConvenedEvent(command.meetingId(), command.month(), command.heldOn(),
                command.ledgerPosition(), command.convenedAt()));
    }

    @CommandHandler
    void handle(ReviewLaggingTaskCommand command) {
        requireOpen();
        if (reviewed.contains(command.taskId())) {
            throw new LedgerException(ErrorCode.TASK_ALREADY_REVIEWED, command.taskId() + " was reviewed at " + meetingId);
        }
        apply(new LaggingTaskReviewedEvent(meetingId, command.taskId(), command.causes(), command.countermeasures(),
                command.recordedAt()));
    }

    /** Tasks assigned here are next month's: due no earlier than that month's first day. */
    @CommandHandler
    void handle(AssignTaskAtMeetingCommand command) {
        requireOpen();
        YearMonth next = month.plusMonths(1);
        if (command.dueDate().isBefore(next.atDay(1))) {
            throw new LedgerException(ErrorCode.DUE_DATE_OUTSIDE_NEXT_MONTH,
                    "A task for " + next + " cannot be due on " + command.dueDate());
        }
        apply(new TaskAssignedAtMeetingEvent(meetingId, command.taskId(), command.title(), command.description(),
                command.source(), command.sourceReference(), command.leadLeaderId(), command.leadUnitId(), command.coUnitIds(), command.dueDate(), next,
                command.assignedAt()));
    }

    @CommandHandler
    void handle(DecideTaskCancellationCommand command) {
        requireOpen();
        apply(new TaskCancellationDecidedEvent(meetingId, command.taskId(), command.intoTaskId(), command.reason(),
                command.decidedAt()));
    }

    @CommandHandler
    void handle(CloseDeliberationMeetingCommand command) {
        requireOpen();
        apply(new DeliberationMeetingClosedEvent(meetingId, reviewed.size(), assigned, command.closedAt()));
    }

    private void requireOpen() {
        if (closed) {
            throw new LedgerException(ErrorCode.MEETING_CLOSED, meetingId + " is closed");
        }
    }

    @EventSourcingHandler
    void on(DeliberationMeetingConvenedEvent event) {
        meetingId = event.meetingId();
        month = event.month();
    }

    @EventSourcingHandler
    void on(LaggingTaskReviewedEvent event) {
        reviewed.add(event.taskId());
    }

    @EventSourcingHandler
    void on(TaskAssignedAtMeetingEvent event) {
        assigned++;
    }

    @EventSourcingHandler
    void on(DeliberationMeetingClosedEvent event) {
        closed = true;
    }
}
