package ledger.store.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import ledger.kernel.meeting.TaskAssignedAtMeetingEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskSource;
import ledger.store.LedgerStoreAutoConfiguration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** Events stored in an earlier shape read in today's, as the store holds them (JSON of revision 1). */
class UpcastersTest {

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(LedgerStoreAutoConfiguration.messageObjectMapper()).build();
    private final EventUpcasterChain chain = new EventUpcasterChain(new TaskAssignedEventUpcaster(),
            new TaskAssignedAtMeetingEventUpcaster());

    private Object read(Class<?> type, String payload) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("Aggregate", "aggregate-1", 0, "event-1",
                "2026-02-27T02:00:00Z", type.getName(), "1", payload, "{}");
        List<IntermediateEventRepresentation> upcast = chain.upcast(Stream.of(
                new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(upcast).singleElement().satisfies(e -> assertThat(e.getType().getRevision()).isEqualTo("2"));
        IntermediateEventRepresentation event = upcast.get(0);
        return serializer.deserialize(event.getData());
    }

    private static String task(String source, String reference) {
        return """
                {"taskId":"task-1","title":"老旧小区改造","description":null,"source":"%s","sourceReference":%s,
                 "leadLeaderId":"cadre-wang","leadUnitId":"planning","coUnitIds":[],"dueDate":"2026-03-31",
                 "ledgerMonth":"2026-03","assignedAt":"2026-02-27T02:00:00Z","milestones":[]}"""
                .formatted(source, reference == null ? "null" : "\"" + reference + "\"");
    }

    @Test
    void a_task_a_meeting_assigned_before_revision_2_names_that_meeting() {
        TaskAssignedEvent event = (TaskAssignedEvent) read(TaskAssignedEvent.class,
                task("DIRECTORS_DELIBERATION_MEETING", "meeting-2026-02-7"));
        assertThat(event.meetingId()).isEqualTo("meeting-2026-02-7");
        assertThat(event.source()).isEqualTo(TaskSource.DIRECTORS_DELIBERATION_MEETING);
        assertThat(event.sourceReference()).isEqualTo("meeting-2026-02-7");
    }

    @Test
    void a_task_assigned_otherwise_before_revision_2_names_no_meeting() {
        assertThat(((TaskAssignedEvent) read(TaskAssignedEvent.class, task("PARTY_GROUP_MEETING", "党组会〔2026〕5号")))
                .meetingId()).isNull();
        TaskAssignedEvent otherReference = (TaskAssignedEvent) read(TaskAssignedEvent.class,
                task("DIRECTORS_DELIBERATION_MEETING", "议事会纪要3号"));
        assertThat(otherReference.meetingId()).as("a reference that is no meeting's id").isNull();
    }

    @Test
    void a_meetings_assignment_before_revision_2_was_the_meetings_own() {
        TaskAssignedAtMeetingEvent event = (TaskAssignedAtMeetingEvent) read(TaskAssignedAtMeetingEvent.class, """
                {"meetingId":"meeting-2026-02-7","taskId":"task-1","title":"老旧小区改造","description":null,
                 "leadLeaderId":"cadre-wang","leadUnitId":"planning","coUnitIds":[],"dueDate":"2026-03-31",
                 "ledgerMonth":"2026-03","assignedAt":"2026-02-27T02:00:00Z"}""");
        assertThat(event.source()).isEqualTo(TaskSource.DIRECTORS_DELIBERATION_MEETING);
        assertThat(event.sourceReference()).isNull();
        assertThat(event.title()).isEqualTo("老旧小区改造");
    }
}
