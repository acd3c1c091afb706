package ledger.query.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.LedgerException;
import ledger.store.LedgerStoreProperties;
import ledger.store.MongoEventStorageEngine;
import ledger.store.ProcessorProgress;
import ledger.store.StoreConnection;
import ledger.store.deadletter.MongoSequencedDeadLetterQueue.ParkedSequence;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How far a processor's views have come, and a bounded wait for a position. Decided from what every
 * instance shares (the token store's tokens of all segments, the log, the dead-letter queue; see
 * {@link ProcessorProgress}), so any query-side instance answers as soon as the views include the
 * position, whichever instance owns the segments. A view does not include a position while an
 * event at or before it is parked in its dead-letter queue.
 */
@Component
public class ViewPositions {

    private static final Duration POLL = Duration.ofMillis(20);

    private final MongoCollection<Document> tokens;
    private final Clock clock;
    private final Duration maxWait;
    private final Duration claimTimeout;
    private final String node;
    private final MongoEventStorageEngine engine;
    private final ProcessorProgress progress;
    private final Duration retryInterval;

    ViewPositions(MongoClient client, StoreConnection connection, Clock clock, MongoEventStorageEngine engine,
                  LedgerStoreProperties store, ProcessorProgress progress,
                  @Value("${ledger.query.max-wait:5s}") Duration maxWait,
                  @Value("${ledger.query.dead-letter-retry-interval:1m}") Duration retryInterval) {
        this.claimTimeout = store.tokenClaimTimeout();
        this.node = store.node();
        this.engine = engine;
        this.progress = progress;
        this.tokens = client.getDatabase(connection.database()).getCollection("trackingtokens");
        this.clock = clock;
        this.maxWait = maxWait;
        this.retryInterval = retryInterval;
    }

    /**
     * The position up to which every segment of the processor has handled the stream, if it has
     * handled anything (events parked in its dead-letter queue aside: see {@link #parked}).
     */
    public OptionalLong position(String processor) {
        return progress.position(processor);
    }

    /** The processor's parked sequences (aggregates), the earliest first. */
    public List<ParkedSequence> parked(String processor) {
        return progress.parked(processor);
    }

    /**
     * The other instances that hold a live claim on a segment of the processor (claims older than
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
            if (owner != null && !owner.equals(node) && at > stale) {
                owners.add(owner);
            }
        }
        return owners;
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
     * Returns once the processor's views include {@code minPosition}; after the bounded wait,
     * refuses with a problem the client can retry, rather than answering with a view it would take
     * for current. Any event parked at or before the position counts (see the overload).
     */
    public void awaitPosition(String processor, Long minPosition) {
        awaitPosition(processor, minPosition, null);
    }

    /**
     * Returns once the processor has come to {@code minPosition} and none of the named aggregates
     * (null: no aggregate) has an event at or before it parked. A parked event that no instance is
     * retrying now is refused at once (503 {@code VIEW_EVENT_PARKED}, naming the aggregates, with the
     * retry schedule's interval as {@code Retry-After}): waiting would not bring it in.
     */
    public void awaitPosition(String processor, Long minPosition, Collection<String> aggregates) {
        if (minPosition == null) {
            return;
        }
        Instant deadline = clock.instant().plus(maxWait);
        while (true) {
            ProcessorProgress.Reach reach = progress.reach(processor, minPosition, aggregates);
            if (reach.includes()) {
                return;
            }
            boolean late = !clock.instant().isBefore(deadline);
            if (reach.reached() && (late || !reach.beingRetried())) {
                throw parked(processor, reach);
            }
            if (late) {
                // the position this very check saw, not a later look (which may have moved past the one asked for)
                LedgerException notYet = new LedgerException(ErrorCode.VIEW_NOT_YET_CURRENT, "The views have reached "
                        + "position " + (reach.includedThrough() > 0 ? Long.toString(reach.includedThrough()) : "none")
                        + ", not yet " + minPosition + "; retry shortly");
                throw reach.includedThrough() > 0 ? notYet.with("position", reach.includedThrough()) : notYet;
            }
            pause();
        }
    }

    private LedgerException parked(String processor, ProcessorProgress.Reach reach) {
        List<String> aggregates = reach.parked().stream().map(ParkedSequence::sequenceIdentifier).toList();
        String named = aggregates.size() <= 3 ? String.join(", ", aggregates)
                : String.join(", ", aggregates.subList(0, 3)) + " and " + (aggregates.size() - 3) + " more";
        return new LedgerException(ErrorCode.VIEW_EVENT_PARKED, "The view " + processor + " has come to position "
                + reach.position() + ", but events of " + named + " at or before it are parked in its dead-letter "
                + "queue; they are retried every " + retryInterval.toSeconds() + " s (an administrator may retry "
                + "or evict them)")
                .with("processor", processor)
                .with("parked", reach.parked().stream().map(p -> {
                    java.util.Map<String, Object> entry = new java.util.LinkedHashMap<>();
                    entry.put("aggregateId", p.sequenceIdentifier());
                    entry.put("firstPosition", p.firstPosition());
                    entry.put("events", p.letters());
                    return entry;
                }).toList())
                .retryAfter(retryInterval);
    }
}
