package ledger.store.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ledger.kernel.meeting.TaskAssignedAtMeetingEvent;
import ledger.kernel.task.TaskSource;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** Revision 1 of {@link TaskAssignedAtMeetingEvent} had no source: every such task was the meeting's own. */
public class TaskAssignedAtMeetingEventUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(TaskAssignedAtMeetingEvent.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(TaskAssignedAtMeetingEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = ((ObjectNode) payload).deepCopy();
            event.put("source", TaskSource.DIRECTORS_DELIBERATION_MEETING.name());
            event.putNull("sourceReference");
            return event;
        });
    }
}
