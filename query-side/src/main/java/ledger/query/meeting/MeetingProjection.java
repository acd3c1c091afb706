package ledger.query.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import ledger.kernel.meeting.DeliberationMeetingClosedEvent;
import ledger.kernel.meeting.DeliberationMeetingConvenedEvent;
import ledger.kernel.meeting.LaggingTaskReviewedEvent;
import ledger.kernel.meeting.MeetingId;
import ledger.kernel.meeting.TaskAssignedAtMeetingEvent;
import ledger.kernel.meeting.TaskCancellationDecidedEvent;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.shared.MetadataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/** Builds the meetings' records; idempotent through the meeting's event sequence number. */
@Component
@ProcessingGroup(MeetingReader.PROCESSOR)
class MeetingProjection {

    private final MeetingViews views;

    MeetingProjection(MeetingViews views) {
        this.views = views;
    }

    @ResetHandler
    void reset() {
        views.clear();
    }

    @EventHandler
    void on(DeliberationMeetingConvenedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        if (views.find(event.meetingId().value()).isEmpty()) {
            views.save(new MeetingView(event.meetingId().value(), event.month().toString(), event.heldOn(),
                    event.ledgerPosition(), event.convenedAt(), actorId, List.of(), List.of(), List.of(), null,
                    sequence));
        }
    }

    @EventHandler
    void on(LaggingTaskReviewedEvent event, @SequenceNumber long sequence) {
        update(event.meetingId(), sequence, m -> {
            List<MeetingView.Review> reviews = new ArrayList<>(m.reviews());
            reviews.add(new MeetingView.Review(event.taskId().value(), event.causes(), event.countermeasures(),
                    event.recordedAt()));
            return m.with(reviews, m.cancellations(), m.assignments(), m.closedAt(), sequence);
        });
    }

    @EventHandler
    void on(TaskCancellationDecidedEvent event, @SequenceNumber long sequence) {
        update(event.meetingId(), sequence, m -> {
            List<MeetingView.Cancellation> cancellations = new ArrayList<>(m.cancellations());
            cancellations.add(new MeetingView.Cancellation(event.taskId().value(),
                    event.intoTaskId() == null ? null : event.intoTaskId().value(), event.reason(), event.decidedAt()));
            return m.with(m.reviews(), cancellations, m.assignments(), m.closedAt(), sequence);
        });
    }

    @EventHandler
    void on(TaskAssignedAtMeetingEvent event, @SequenceNumber long sequence) {
        update(event.meetingId(), sequence, m -> {
            List<MeetingView.Assignment> assignments = new ArrayList<>(m.assignments());
            assignments.add(new MeetingView.Assignment(event.taskId().value(), event.title(), event.description(),
                    event.source().name(), event.source().label(), event.sourceReference(), event.leadLeaderId().value(), event.leadUnitId().value(),
                    event.coUnitIds().stream().map(UnitId::value).toList(), event.dueDate(),
                    event.ledgerMonth().toString(), event.assignedAt()));
            return m.with(m.reviews(), m.cancellations(), assignments, m.closedAt(), sequence);
        });
    }

    @EventHandler
    void on(DeliberationMeetingClosedEvent event, @SequenceNumber long sequence) {
        update(event.meetingId(), sequence,
                m -> m.with(m.reviews(), m.cancellations(), m.assignments(), event.closedAt(), sequence));
    }

    private void update(MeetingId id, long sequence, UnaryOperator<MeetingView> change) {
        views.find(id.value()).filter(m -> sequence > m.version()).ifPresent(m -> views.save(change.apply(m)));
    }
}
