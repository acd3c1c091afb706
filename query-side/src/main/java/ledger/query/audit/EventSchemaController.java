package ledger.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Event feed 事件流")
class EventSchemaController {

    private final ObjectNode schema;

    EventSchemaController(ObjectMapper json) {
        this.schema = EventSchema.generate(json);
    }

    @GetMapping(path = "/api/events/schema", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The JSON Schema of every event type's payload, with its revision (also in docs/events.schema.json)")
    ObjectNode schema() {
        return schema;
    }
}
