package ledger.query.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import ledger.kernel.shared.InvalidMessageException;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The event feed as a stream that catches up from a position and then continues live: as
 * server-sent events (id = global position, so a reconnect with Last-Event-ID resumes exactly) or
 * as NDJSON (one event per line; an empty line is a heartbeat). A stream ends after the
 * configured time; the client resumes after the last position it got.
 */
@RestController
@Tag(name = "Event feed 事件流")
class EventStreamController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final EventStore eventStore;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration maxDuration;
    private volatile boolean closing;

    EventStreamController(EventStore eventStore, ObjectMapper json, Clock clock,
                          @Value("${ledger.query.stream-timeout:30m}") Duration maxDuration) {
        this.eventStore = eventStore;
        this.json = json;
        this.clock = clock;
        this.maxDuration = maxDuration;
    }

    @GetMapping(path = "/api/events/stream", produces = {MediaType.TEXT_EVENT_STREAM_VALUE, "application/x-ndjson"})
    @Operation(summary = "The global event feed as a live stream: server-sent events (Accept: text/event-stream) or "
            + "NDJSON (Accept: application/x-ndjson), from a position on, filtered like /api/events")
    ResponseEntity<StreamingResponseBody> stream(
            @Parameter(description = "the position to stream after (0: from the start)")
            @RequestParam(defaultValue = "0") @PositiveOrZero long after,
            @RequestParam(required = false) Set<EventType> types,
            @RequestParam(required = false) String aggregate,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestHeader(name = "Accept", required = false) String accept) {
        long from = resumeFrom(after, lastEventId);
        boolean sse = accept == null || !accept.contains("application/x-ndjson");
        Set<String> typeNames = EventType.names(types);
        StreamingResponseBody body = out -> follow(out, from, typeNames, aggregate, sse);
        return ResponseEntity.ok().contentType(sse ? MediaType.TEXT_EVENT_STREAM : NDJSON)
                .header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no").body(body);
    }

    private static long resumeFrom(long after, String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return after;
        }
        try {
            return Math.max(after, Long.parseLong(lastEventId.trim()));
        } catch (NumberFormatException e) {
            throw new InvalidMessageException("Last-Event-ID", "must be the id (position) of an event this stream sent");
        }
    }

    private void follow(OutputStream out, long after, Set<String> types, String aggregate, boolean sse)
            throws IOException {
        Instant end = clock.instant().plus(maxDuration);
        Instant nextHeartbeat = clock.instant().plus(HEARTBEAT);
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(
                after == 0 ? null : new GlobalSequenceTrackingToken(after))) {
            while (!closing && clock.instant().isBefore(end)) {
                if (events.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
                    TrackedEventMessage<?> event = events.nextAvailable();
                    long position = event.trackingToken().position().orElseThrow();
                    if (EventFeedController.FeedEvent.matches(event, types, aggregate)) {
                        String line = json.writeValueAsString(EventFeedController.FeedEvent.of(event, position, json));
                        out.write((sse ? "id:" + position + "\nevent:" + event.getPayloadType().getSimpleName()
                                + "\ndata:" + line + "\n\n" : line + "\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        nextHeartbeat = clock.instant().plus(HEARTBEAT);
                    }
                }
                if (!clock.instant().isBefore(nextHeartbeat)) {
                    // after a quiet spell (or one of filtered-out events): an SSE comment or an empty
                    // NDJSON line keeps proxies from closing the stream and finds a client that is gone
                    out.write((sse ? ": still here\n\n" : "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    nextHeartbeat = clock.instant().plus(HEARTBEAT);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets open streams end when the service stops, instead of holding up its graceful shutdown. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        closing = true;
    }
}
