package ledger.store.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskSource;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 1 of {@link TaskAssignedEvent} had no {@code meetingId}. A deliberation meeting's task then
 * carried the meeting as its source and the meeting's id as its reference: that meeting assigned it.
 */
public class TaskAssignedEventUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TaskAssignedEvent.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TaskAssignedEvent.class.getName(), "2");
    /** The prefix the command side gives every meeting's id. */
    private static final String MEETING_ID_PREFIX = "meeting-";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = ((ObjectNode) payload).deepCopy();
            String reference = event.path("sourceReference").asText(null);
            boolean ofMeeting = TaskSource.DIRECTORS_DELIBERATION_MEETING.name().equals(event.path("source").asText())
                    && reference != null && reference.startsWith(MEETING_ID_PREFIX);
            if (ofMeeting) {
                event.put("meetingId", reference);
            } else {
                event.putNull("meetingId");
            }
            return event;
        });
    }
}
