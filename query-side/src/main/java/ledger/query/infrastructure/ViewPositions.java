package ledger.query.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.LedgerException;
import ledger.store.LedgerStoreAutoConfiguration;
import ledger.store.LedgerStoreProperties;
import ledger.store.MongoEventStorageEngine;
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
    private final Duration claimTimeout;
    private final MongoEventStorageEngine engine;

    ViewPositions(MongoClient client, StoreConnection connection, Serializer serializer, Clock clock,
                  EventProcessingConfiguration processing, MongoEventStorageEngine engine,
                  LedgerStoreProperties store,
                  @Value("${ledger.query.max-wait:5s}") Duration maxWait) {
        this.claimTimeout = store.tokenClaimTimeout();
        this.engine = engine;
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

    /**
     * The other processes that hold a live claim on a segment of the processor (claims older than
     * the claim timeout are dead and may be taken over).
     */
    public List<String> claimedElsewhere(String processor) {
        long stale = clock.millis() - claimTimeout.toMillis();
        List<String> owners = new ArrayList<>();
        for (Document entry : tokens.find(Filters.eq("processorName", processor))) {
            String owner = entry.getString("owner");
            Object claimed = entry.get("timestamp");
            long at = claimed instanceof Number millis ? millis.longValue()
                    : claimed instanceof java.util.Date date ? date.getTime() : Long.MAX_VALUE;
            if (owner != null && !owner.equals(LedgerStoreAutoConfiguration.NODE_ID) && at > stale) {
                owners.add(owner);
            }
        }
        return owners;
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

    /**
     * The global position an {@code asOf} parameter names: a number is a position; an instant
     * (ISO-8601, with offset or Z) names the log up to the first event stamped after it. Empty when absent.
     */
    public OptionalLong asOfPosition(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return OptionalLong.empty();
        }
        if (asOf.chars().allMatch(Character::isDigit)) {
            try {
                return OptionalLong.of(Long.parseLong(asOf));
            } catch (NumberFormatException e) {
                throw new InvalidMessageException("asOf", "is not a position this log can have");
            }
        }
        Instant moment;
        try {
            moment = OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException("asOf",
                    "must be an event position or an instant like 2026-03-05T09:00:00+08:00");
        }
        // the token before the first event stamped after the moment. Stamps need not rise with
        // position (concurrent handlers commit in any order): the state holds nothing from after
        // the moment, and leaves out an event stamped before it only if stored behind one after it
        TrackingToken before = engine.createTokenAt(moment.plusNanos(1));
        return OptionalLong.of(before == null ? 0 : before.position().orElse(0));
    }

    /**
     * For a read as of a position: waits (bounded) until the processor has come that far, so the
     * answer is never a half-built past.
     */
    public void awaitAsOf(String processor, OptionalLong asOf) {
        if (asOf.isPresent() && asOf.getAsLong() > 0) {
            // a moment in the future is read as now: wait for what is stored, not for what is not
            // (the last reserved position, not a head token, which would wait for commits in flight)
            awaitPosition(processor, Math.min(asOf.getAsLong(), engine.lastReservedPosition()));
        }
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
