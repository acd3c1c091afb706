package ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The published event schema (docs/events.schema.json) is the code's: a change to an event's
 * shape fails here until the document is regenerated (-Dledger.schema.write=true) and reviewed,
 * which is also when the event's revision and an upcaster are due.
 */
class EventSchemaTest {

    private static final Path PUBLISHED = Path.of("..", "docs", "events.schema.json");
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void the_published_schema_is_the_schema_of_the_code() throws Exception {
        ObjectNode generated = EventSchema.generate(json);
        if (Boolean.getBoolean("ledger.schema.write")) {
            Files.writeString(PUBLISHED, json.writeValueAsString(generated) + "\n");
        }
        JsonNode published = json.readTree(PUBLISHED.toFile());
        assertThat(published).as("docs/events.schema.json is stale: rerun this test with -Dledger.schema.write=true, "
                + "review the change, and give changed events a new revision and an upcaster").isEqualTo(generated);
    }

    @Test
    void every_event_type_is_described_with_its_revision_and_its_fields() {
        ObjectNode generated = EventSchema.generate(json);
        JsonNode assigned = generated.path("events").path("TaskAssignedEvent");
        assertThat(assigned.path("revision").asText()).isEqualTo("2");
        assertThat(assigned.path("schema").path("properties").path("leadLeaderId").path("type").asText())
                .isEqualTo("string");
        assertThat(assigned.path("schema").path("properties").path("dueDate").path("format").asText()).isEqualTo("date");
        assertThat(generated.path("events").size()).isEqualTo(EventSchema.eventTypes().size()).isGreaterThan(40);
    }
}
