package ledger.query.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.store.StoreConnection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How far a processor's views have come, read from the shared token store (so it is right
 * whichever query-side instance owns which segment), and a bounded wait for a position.
 */
@Component
public class ViewPositions {

    private static final Duration POLL = Duration.ofMillis(25);

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final Clock clock;
    private final Duration maxWait;
    private final EventProcessingConfiguration processing;

    ViewPositions(MongoClient client, StoreConnection connection, Serializer serializer, Clock clock,
                  EventProcessingConfiguration processing, @Value("${ledger.query.max-wait:5s}") Duration maxWait) {
        this.processing = processing;
        this.tokens = client.getDatabase(connection.database()).getCollection("trackingtokens");
        this.serializer = serializer;
        this.clock = clock;
        this.maxWait = maxWait;
    }

    /**
     * The position up to which every segment of the processor has handled the stream, if known.
     * A segment this instance owns counts with its live position (the token store hears of an
     * idle segment only every few seconds); a segment another instance owns, with its stored token.
     */
    public OptionalLong position(String processor) {
        Map<Integer, EventTrackerStatus> local = processing.eventProcessor(processor, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        List<Long> positions = new ArrayList<>();
        for (Document entry : tokens.find(Filters.eq("processorName", processor))) {
            OptionalLong stored = storedPosition(entry);
            EventTrackerStatus live = local.get(entry.getInteger("segment"));
            OptionalLong current = live == null ? OptionalLong.empty() : live.getCurrentPosition();
            if (stored.isEmpty() && current.isEmpty()) {
                return OptionalLong.empty(); // a segment that has handled nothing yet
            }
            positions.add(Math.max(stored.orElse(-1), current.orElse(-1)));
        }
        return positions.stream().mapToLong(Long::longValue).min();
    }

    private OptionalLong storedPosition(Document entry) {
        Object data = entry.get("token");
        if (data == null) {
            return OptionalLong.empty();
        }
        byte[] bytes = data instanceof Binary binary ? binary.getData() : (byte[]) data;
        TrackingToken token = serializer.deserialize(
                new SimpleSerializedObject<>(bytes, byte[].class, entry.getString("tokenType"), null));
        return token == null ? OptionalLong.empty() : token.position();
    }

    /** Returns once {@code reached} holds; after the bounded wait, refuses with the given detail (503). */
    public void awaitCondition(java.util.function.BooleanSupplier reached, java.util.function.Supplier<String> detail) {
        Instant deadline = clock.instant().plus(maxWait);
        while (!reached.getAsBoolean()) {
            if (!clock.instant().isBefore(deadline)) {
                throw new LedgerException(ErrorCode.VIEW_NOT_YET_CURRENT, detail.get());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(ErrorCode.VIEW_NOT_YET_CURRENT, "Interrupted while waiting for the views");
        }
    }

    /**
     * Returns once the processor has handled {@code minPosition}; after the bounded wait, refuses
     * with a problem the client can retry, rather than answering with a view it would take for current.
     */
    public void awaitPosition(String processor, Long minPosition) {
        if (minPosition == null) {
            return;
        }
        awaitCondition(() -> position(processor).orElse(-1) >= minPosition, () -> "The views have reached position "
                + position(processor).stream().mapToObj(Long::toString).findFirst().orElse("none") + ", not yet "
                + minPosition + "; retry shortly");
    }
}
