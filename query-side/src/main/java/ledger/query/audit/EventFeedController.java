package ledger.query.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import ledger.store.MongoEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The global, ordered event feed for API clients and auditors: every event from a position on,
 * in position order, with its metadata. A page ends at {@code next}, the position to resume
 * after; no event is skipped or repeated between pages. Reads the event store itself, not a view.
 */
@RestController
@Tag(name = "Event feed 事件流")
class EventFeedController {

    /** How far one page looks for events that match its filters. */
    private static final int MAX_SCANNED = 10_000;

    /** One event of the feed, as the page and the stream show it. */
    record FeedEvent(long position, String eventId, String type, String aggregateType, String aggregateId,
                     Long sequence, Instant timestamp, JsonNode payload, Map<String, ?> metaData) {

        static FeedEvent of(TrackedEventMessage<?> event, long position, ObjectMapper json) {
            DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
            return new FeedEvent(position, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                    domain == null ? null : domain.getType(), domain == null ? null : domain.getAggregateIdentifier(),
                    domain == null ? null : domain.getSequenceNumber(), event.getTimestamp(),
                    json.valueToTree(event.getPayload()), event.getMetaData());
        }

        /** Whether the event passes a client's filters (none: every event). */
        static boolean matches(TrackedEventMessage<?> event, Set<String> types, String aggregate) {
            String aggregateId = event instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null;
            return (types == null || types.contains(event.getPayloadType().getSimpleName()))
                    && (aggregate == null || aggregate.equals(aggregateId));
        }
    }

    record FeedPage(long after, long next, List<FeedEvent> events, boolean endOfStream) {
    }

    private final MongoEventStorageEngine engine;
    private final ObjectMapper json;

    EventFeedController(MongoEventStorageEngine engine, ObjectMapper json) {
        this.engine = engine;
        this.json = json;
    }

    @GetMapping("/api/events")
    @Operation(summary = "The global event feed from a position, optionally filtered by type and aggregate")
    FeedPage feed(@Parameter(description = "the position to read after (0: from the start)")
                  @RequestParam(defaultValue = "0") @PositiveOrZero long after,
                  @RequestParam(defaultValue = "100") @Positive @Max(1000) int limit,
                  @Parameter(description = "event type names, e.g. TaskAssignedEvent") @RequestParam(required = false)
                  Set<EventType> types,
                  @RequestParam(required = false) String aggregate) {
        Set<String> typeNames = EventType.names(types);
        List<FeedEvent> page = new ArrayList<>();
        long next = after;
        int scanned = 0;
        boolean end = true;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(new GlobalSequenceTrackingToken(after),
                false)) {
            var events = stream.iterator();
            while (events.hasNext()) {
                if (page.size() == limit || scanned == MAX_SCANNED) {
                    end = false;
                    break;
                }
                TrackedEventMessage<?> event = events.next();
                scanned++;
                next = event.trackingToken().position().orElse(next);
                if (FeedEvent.matches(event, typeNames, aggregate)) {
                    page.add(FeedEvent.of(event, next, json));
                }
            }
        }
        return new FeedPage(after, next, page, end);
    }
}
