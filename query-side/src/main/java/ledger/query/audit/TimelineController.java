package ledger.query.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.LedgerException;
import ledger.query.cadre.CadreRecordHistory;
import ledger.query.infrastructure.ViewPositions;
import ledger.query.ledger.LedgerHistory;
import ledger.security.CurrentActor;
import ledger.store.MongoEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Revision;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The timeline of one task, task force, meeting, bulletin, cadre, unit or score: every event in
 * order with its global position and metadata (who, role, when, reason, correlation and
 * causation), optionally as it stood at an earlier moment. Read from the event store itself.
 */
@RestController
@Tag(name = "Event feed 事件流")
class TimelineController {

    /** The kinds a timeline is asked for by, and the aggregate type each names. */
    private static final Map<String, String> KINDS = Map.of("tasks", "Task", "task-forces", "TaskForce",
            "meetings", "DeliberationMeeting", "bulletins", "Bulletin", "cadres", "Cadre", "units", "Unit",
            "scores", "Score");

    record TimelineEvent(long position, long sequence, String eventId, String type, String revision,
                         Instant timestamp, JsonNode payload, Map<String, ?> metaData) {
    }

    /**
     * {@code state}: for tasks the ledger row, for cadres the performance record (for those who may
     * see it), as they stood at {@code asOfPosition} (or now); for the other kinds the events
     * themselves are the state. {@code withheld}: the positions of stored events of this id that
     * the command side did not seal (or whose seal cannot be checked yet), left out of {@code events}.
     */
    record Timeline(String kind, String id, String aggregateType, Long asOfPosition, long version,
                    List<TimelineEvent> events, List<Long> withheld, Object state) {
    }

    private final MongoEventStorageEngine engine;
    private final ObjectMapper json;
    private final ViewPositions positions;
    private final LedgerHistory ledger;
    private final CadreRecordHistory cadres;

    TimelineController(MongoEventStorageEngine engine, ObjectMapper json, ViewPositions positions,
                       LedgerHistory ledger, CadreRecordHistory cadres) {
        this.engine = engine;
        this.json = json;
        this.positions = positions;
        this.ledger = ledger;
        this.cadres = cadres;
    }

    @GetMapping("/api/timelines/{kind}/{id}")
    @Operation(summary = "Every event of one task, task force, meeting, bulletin, cadre, unit or score, in order, with "
            + "global positions and metadata; with asOf, as it stood then")
    Timeline timeline(@Parameter(description = "tasks, task-forces, meetings, bulletins, cadres, units or scores")
                      @PathVariable String kind,
                      @PathVariable String id,
                      @Parameter(description = "an instant (every event stored by then) or a global event position")
                      @RequestParam(required = false) String asOf) {
        String type = KINDS.get(kind);
        if (type == null) {
            throw new InvalidMessageException("kind", "must be one of " + KINDS.keySet().stream().sorted().toList());
        }
        OptionalLong until = positions.asOfPosition(asOf);
        // from sequence 0, not through readEvents(id): that would start at a snapshot
        List<? extends DomainEventMessage<?>> stored = engine.readEvents(id, 0).asStream().toList();
        // read after the events, so every event read has its position (later ones may be there too)
        Map<Long, Long> positionOf = engine.positionsOf(id);
        // what the command side did not seal is no part of the history, as in the views (tamper alarm)
        Set<Long> notGenuine = engine.notGenuine(id);
        List<? extends DomainEventMessage<?>> all = stored.stream()
                .filter(event -> !notGenuine.contains(event.getSequenceNumber())).toList();
        if (all.isEmpty() || !type.equals(all.get(0).getType())) {
            throw new LedgerException(ErrorCode.UNKNOWN_RESOURCE, "No " + kind + " " + id + " is recorded");
        }
        List<Long> withheld = notGenuine.stream().map(positionOf::get).sorted().toList();
        List<TimelineEvent> events = all.stream()
                .filter(event -> until.isEmpty() || positionOf.get(event.getSequenceNumber()) <= until.getAsLong())
                .map(event -> new TimelineEvent(positionOf.get(event.getSequenceNumber()), event.getSequenceNumber(),
                        event.getIdentifier(), event.getPayloadType().getSimpleName(), revisionOf(event),
                        event.getTimestamp(), json.valueToTree(event.getPayload()), event.getMetaData()))
                .toList();
        Object state = state(kind, id, until);
        return new Timeline(kind, id, type, until.isPresent() ? until.getAsLong() : null,
                events.isEmpty() ? -1 : events.get(events.size() - 1).sequence(), events, withheld, state);
    }

    /**
     * The view of the aggregate as it stood (tasks: the ledger row; cadres: the record, only for
     * those who may see it), once that view has come as far as the moment asked for.
     */
    private Object state(String kind, String id, OptionalLong until) {
        return switch (kind) {
            case "tasks" -> ledger.taskAsOf(id, until).orElse(null);
            case "cadres" -> CadreRecordHistory.mayRead(CurrentActor.get(), id)
                    ? cadres.recordAsOf(id, until).orElse(null) : null;
            default -> null;
        };
    }

    private static String revisionOf(DomainEventMessage<?> event) {
        Revision revision = event.getPayloadType().getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }
}
