package ledger.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import ledger.store.deadletter.MongoSequencedDeadLetterQueue;
import ledger.store.deadletter.MongoSequencedDeadLetterQueue.ParkedSequence;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * How far a streaming processor's views have come, the same on every instance: read from the
 * shared token store (every segment's token), the log and the dead-letter queue, with this
 * instance's live positions for the segments it owns.
 * <p>
 * A segment stores its token when it handles a batch of its own events, but when it only skips
 * events of other segments it stores it only every few seconds (Axon's claim extension). An
 * instance that does not own the segment would see it lag by that much. So a segment counts as
 * having come to a position when its token covers it <em>or</em> no event between its token and
 * the position belongs to it (the processor sequences per aggregate, and an aggregate's hash
 * decides its segment, exactly as Axon decides it). The log is immutable once a position is
 * settled, so what a position holds is cached.
 * <p>
 * Parked events count: a view includes a position only when no event at or before it is parked
 * in the processor's dead-letter queue (for a read about some aggregates: none of theirs).
 */
public class ProcessorProgress {

    static final String TOKENS = "trackingtokens";
    /** Positions looked at beyond a segment's token before giving up (a replaying or far-behind segment). */
    static final int MAX_SCAN = 4096;
    private static final int WINDOW = 256;
    private static final int CACHED_POSITIONS = 65_536;
    private static final Object VOID = new Object();

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final MongoEventStorageEngine engine;
    private final EventProcessingConfiguration processing;
    private final Map<Long, Object> keys = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Object> eldest) {
            return size() > CACHED_POSITIONS;
        }
    };

    public ProcessorProgress(MongoDatabase database, Serializer tokenSerializer, MongoEventStorageEngine engine,
                             EventProcessingConfiguration processing) {
        this.tokens = database.getCollection(TOKENS);
        this.serializer = tokenSerializer;
        this.engine = engine;
        this.processing = processing;
    }

    /**
     * What a read for a position finds: the position up to which every segment has come (-1 when
     * the processor has no tokens yet), and the parked sequences at or before the position.
     */
    public record Reach(long position, long includedThrough, List<ParkedSequence> parked) {

        /** Every segment has come to the position (parked events aside). */
        public boolean reached() {
            return includedThrough >= position;
        }

        /** The view includes the position: every segment came that far and nothing up to it is parked. */
        public boolean includes() {
            return reached() && parked.isEmpty();
        }

        /** An instance is retrying one of the parked sequences right now: it may resolve in a moment. */
        public boolean beingRetried() {
            return parked.stream().anyMatch(ParkedSequence::beingRetried);
        }
    }

    /**
     * Whether the processor's views include {@code position}, and if not, why. With
     * {@code sequences} (aggregate ids) only their parked events count; null: any parked event.
     * The tokens are read before the queue: an event is parked while its batch is handled, before
     * the token moves past it, so a token past it means its letter is already there to be seen.
     */
    public Reach reach(String processor, long position, Collection<String> sequences) {
        long included = includedThrough(processor, position);
        List<ParkedSequence> parked = included >= position ? parkedUpTo(processor, position, sequences) : List.of();
        return new Reach(position, included, parked);
    }

    /**
     * The position up to which every segment of the processor has handled the log (parked events
     * aside), if it has handled anything.
     */
    public OptionalLong position(String processor) {
        long included = includedThrough(processor, engine.lastReservedPosition());
        return included > 0 ? OptionalLong.of(included) : OptionalLong.empty();
    }

    /** Every parked sequence of the processor's dead-letter queue (none without a queue). */
    public List<ParkedSequence> parked(String processor) {
        return parkedUpTo(processor, Long.MAX_VALUE, null);
    }

    /**
     * The highest position up to {@code upTo} that every segment has come to, or beyond it when
     * every token is; -1 when the processor has no segments in the token store.
     */
    long includedThrough(String processor, long upTo) {
        List<SegmentAt> segments = segments(processor);
        if (segments.isEmpty()) {
            return -1;
        }
        long low = segments.stream().mapToLong(SegmentAt::handledThrough).min().orElseThrow();
        if (low >= upTo || !sequencedPerAggregate(processor)) {
            return low;
        }
        long end = Math.min(upTo, low + MAX_SCAN);
        for (long from = low + 1; from <= end; from += WINDOW) {
            long to = Math.min(end, from + WINDOW - 1);
            Map<Long, Object> window = keys(from, to);
            for (long p = from; p <= to; p++) {
                Object key = window.get(p);
                if (key == null) {
                    return p - 1; // not settled yet: a commit still being written may belong to any segment
                }
                if (key != VOID) {
                    int hash = (Integer) key;
                    for (SegmentAt segment : segments) {
                        if (segment.handledThrough() < p && segment.segment().matches(hash)) {
                            return p - 1; // this segment has an event here it has not handled yet
                        }
                    }
                }
            }
        }
        return end;
    }

    private record SegmentAt(Segment segment, long handledThrough) {
    }

    /** Each segment in the token store with the position it has handled everything up to. */
    private List<SegmentAt> segments(String processor) {
        Map<Integer, EventTrackerStatus> local = processing.eventProcessor(processor, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        Map<Integer, Long> handled = new LinkedHashMap<>();
        for (Document entry : tokens.find(Filters.eq("processorName", processor))) {
            int segment = entry.getInteger("segment");
            long stored = handledThrough(storedToken(entry));
            EventTrackerStatus live = local.get(segment);
            long current = live == null ? 0 : handledThrough(live.getTrackingToken());
            handled.put(segment, Math.max(stored, current));
        }
        if (handled.isEmpty()) {
            return List.of();
        }
        Segment[] masks = Segment.computeSegments(handled.keySet().stream().mapToInt(Integer::intValue).toArray());
        List<SegmentAt> segments = new ArrayList<>();
        for (Segment segment : masks) {
            segments.add(new SegmentAt(segment, handled.get(segment.getSegmentId())));
        }
        return segments;
    }

    /**
     * The position up to which a token has handled every event: its lower bound (a replay's
     * current position; for a gap-aware token, the position before its first gap). 0: nothing.
     */
    static long handledThrough(TrackingToken token) {
        TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (lower == null) {
            return 0;
        }
        if (lower instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        if (lower instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getGaps().isEmpty() ? gapAware.getIndex() : gapAware.getGaps().first() - 1;
        }
        return Math.max(0, lower.position().orElse(0));
    }

    private TrackingToken storedToken(Document entry) {
        Object data = entry.get("token");
        if (data == null) {
            return null;
        }
        byte[] bytes = data instanceof Binary binary ? binary.getData() : (byte[]) data;
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, entry.getString("tokenType"), null));
    }

    /** The segment-by-aggregate shortcut holds only where the processor sequences by aggregate. */
    private boolean sequencedPerAggregate(String processor) {
        return processing.sequencingPolicy(processor) instanceof SequentialPerAggregatePolicy;
    }

    /**
     * For each settled position in [from, to]: the hash of its sequence (the aggregate id; for an
     * event of no aggregate, its id, as the policy falls back to), or VOID. Unsettled: absent.
     */
    private Map<Long, Object> keys(long from, long to) {
        Map<Long, Object> found = new LinkedHashMap<>();
        List<Long> missing = new ArrayList<>();
        synchronized (keys) {
            for (long p = from; p <= to; p++) {
                Object key = keys.get(p);
                if (key == null) {
                    missing.add(p);
                } else {
                    found.put(p, key);
                }
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        Map<Long, Document> owners = engine.owners(missing);
        Map<Long, Object> read = new LinkedHashMap<>();
        for (Long p : missing) {
            Document owner = owners.get(p);
            if (owner == null) {
                continue;
            }
            Document event = MongoEventStorageEngine.eventAt(owner, p);
            read.put(p, event == null ? VOID : sequenceHash(event));
        }
        synchronized (keys) {
            keys.putAll(read);
        }
        found.putAll(read);
        return found;
    }

    private static Integer sequenceHash(Document event) {
        String aggregate = event.getString("aggregateId");
        return Objects.hashCode(aggregate != null ? aggregate : event.getString("eventId"));
    }

    private List<ParkedSequence> parkedUpTo(String processor, long position, Collection<String> sequences) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(processor).orElse(null);
        if (queue == null) {
            return List.of();
        }
        if (queue instanceof MongoSequencedDeadLetterQueue mongo) {
            return mongo.parkedUpTo(position, sequences);
        }
        return parkedInAnyQueue(queue, position, sequences);
    }

    /** The same from any queue, letter by letter. */
    private static List<ParkedSequence> parkedInAnyQueue(SequencedDeadLetterQueue<EventMessage<?>> queue, long position,
                                                         Collection<String> sequences) {
        List<ParkedSequence> parked = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            long count = 0;
            Long first = null;
            String id = null;
            for (Iterator<DeadLetter<? extends EventMessage<?>>> it = sequence.iterator(); it.hasNext(); ) {
                EventMessage<?> event = it.next().message();
                id = id != null ? id : event instanceof DomainEventMessage<?> domain
                        ? domain.getAggregateIdentifier() : event.getIdentifier();
                OptionalLong at = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                        ? tracked.trackingToken().position() : OptionalLong.empty();
                if (at.isEmpty() || at.getAsLong() <= position) {
                    count++;
                    first = first != null || at.isEmpty() ? first : Long.valueOf(at.getAsLong());
                }
            }
            if (count > 0 && (sequences == null || sequences.contains(id))) {
                parked.add(new ParkedSequence(id, count, first, false));
            }
        }
        return parked;
    }
}
