package ledger.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import ledger.kernel.shared.MetadataKeys;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.AbstractEventEntry;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon storage engine on plain MongoDB documents. The design is in docs/adr/0001; in short:
 * <ul>
 * <li>A counter document hands out dense global positions ({@code $inc}); a commit then stores
 * all its events in <em>one</em> document, so it is all-or-none without transactions.</li>
 * <li>The commit document lists the positions it covers and its aggregate keys
 * ({@code aggregateId:sequence}) in two unique multikey indexes: the first makes each position
 * owned by exactly one document, the second rejects a racing commit on the same aggregate.</li>
 * <li>Readers walk positions strictly in order with {@code $in} lookups (an index hit on any
 * server, also the embedded one). A reserved position with no document is a gap: the reader
 * waits, and after the gap timeout claims the position with a void document. The unique index
 * decides the race, so a late writer fails (its command is not acknowledged) instead of its
 * events appearing behind a reader that has moved on. No event is ever skipped.</li>
 * <li>A commit made for a request with an {@code Idempotency-Key} carries that key (the
 * {@link MetadataKeys#IDEMPOTENCY_KEY} its events carry) in a third unique index: the commit is the
 * proof that the request's command ran, and a second run of the same key cannot commit.</li>
 * </ul>
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);

    public static final String EVENTS = "events";
    public static final String COUNTERS = "event_counters";
    public static final String SNAPSHOTS = "snapshots";
    static final String GLOBAL_COUNTER = "global";
    static final long FIRST_POSITION = 1;

    static final String POSITIONS = "positions";
    static final String KEYS = "keys";
    static final String EVENT_IDS = "eventIds";
    static final String EVENT_LIST = "events";
    static final String IDEMPOTENCY = "idempotencyKey";
    public static final String VOID = "void";
    public static final String SEAL = "seal";

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> snapshots;
    private final Clock clock;
    private final Duration gapTimeout;
    private final CommitSealer sealer;
    private final CommitGuard guard;
    private final List<CommitListener> commitListeners = new CopyOnWriteArrayList<>();
    private final Map<Long, Instant> gapsFirstSeen = new ConcurrentHashMap<>();
    private final List<Instant> latestStampUpToWindow = new ArrayList<>();

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.commits = builder.database.getCollection(EVENTS);
        this.counters = builder.database.getCollection(COUNTERS);
        this.snapshots = builder.database.getCollection(SNAPSHOTS);
        this.clock = builder.clock;
        this.gapTimeout = builder.gapTimeout;
        this.sealer = builder.sealer;
        this.guard = builder.guard;
        ensureIndexes();
    }

    public static Builder builder() {
        return new Builder();
    }

    private void ensureIndexes() {
        commits.createIndex(Indexes.ascending(POSITIONS), new IndexOptions().unique(true).name("position_owner"));
        // sparse: void documents and commits of non-aggregate events carry no keys at all
        commits.createIndex(Indexes.ascending(KEYS), new IndexOptions().unique(true).sparse(true).name("aggregate_sequence"));
        // evidence packages look events up by id. A top-level copy of the ids, because the embedded
        // server answers nothing through a unique index on a path inside an array (events.eventId).
        commits.createIndex(Indexes.ascending(EVENT_IDS), new IndexOptions().unique(true).sparse(true).name("event_id"));
        // sparse: only commits made for a request with an Idempotency-Key carry one
        commits.createIndex(Indexes.ascending(IDEMPOTENCY), new IndexOptions().unique(true).sparse(true).name("idempotency_key"));
    }

    public void addCommitListener(CommitListener listener) {
        commitListeners.add(listener);
    }

    public void removeCommitListener(CommitListener listener) {
        commitListeners.remove(listener);
    }

    // ---------------------------------------------------------------- writing

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        EventMessage<?> repeated = repeatedWithinCommit(events);
        if (repeated != null) {
            // the unique indexes compare documents, not the entries of one; refused before any
            // position is reserved, so the log shows nothing of it
            handlePersistenceException(new AggregateSequenceTakenException(
                    "the commit holds this aggregate sequence or event id twice"), repeated);
        }
        EventMessage<?> existing = creationOfExistingAggregate(events);
        if (existing != null) {
            // a second registration of the same id is refused before it takes positions, so a
            // rejected duplicate leaves no void in the log (one key lookup, for creating commits only)
            handlePersistenceException(new AggregateSequenceTakenException("the aggregate already exists"), existing);
        }
        Document commit = commitDocument(events, serializer, reservePositions(events.size()));
        insertCommit(commit, events);
    }

    /** Reserves {@code count} consecutive positions and returns the first. Part one of a commit. */
    long reservePositions(int count) {
        // BEFORE, not AFTER: the embedded server answers AFTER with its live document, which a
        // concurrent $inc may change before the answer is sent; BEFORE is a copy.
        Document before;
        try {
            before = counters.findOneAndUpdate(eq("_id", GLOBAL_COUNTER), Updates.inc("last", (long) count),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        } catch (MongoException e) {
            throw new EventStoreException("The event store could not reserve positions; nothing was stored", e);
        }
        long lastBefore = before == null ? FIRST_POSITION - 1 : before.get("last", Number.class).longValue();
        return lastBefore + 1;
    }

    Document commitDocument(List<? extends EventMessage<?>> events, Serializer serializer, long firstPosition) {
        List<Long> positions = new ArrayList<>(events.size());
        List<String> keys = new ArrayList<>();
        List<String> eventIds = new ArrayList<>(events.size());
        List<Document> stored = new ArrayList<>(events.size());
        Object idempotencyKey = null;
        long position = firstPosition;
        for (EventMessage<?> event : events) {
            if (idempotencyKey == null) {
                idempotencyKey = event.getMetaData().get(MetadataKeys.IDEMPOTENCY_KEY);
            }
            Document doc = new Document("position", position).append("eventId", event.getIdentifier());
            eventIds.add(event.getIdentifier());
            if (event instanceof DomainEventMessage<?> domainEvent) {
                doc.append("aggregateType", domainEvent.getType())
                   .append("aggregateId", domainEvent.getAggregateIdentifier())
                   .append("sequence", domainEvent.getSequenceNumber());
                keys.add(aggregateKey(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber()));
            }
            appendSerialized(doc, event, serializer);
            positions.add(position);
            stored.add(doc);
            position++;
        }
        Document commit = new Document("_id", firstPosition).append(POSITIONS, positions);
        if (!keys.isEmpty()) {
            commit.append(KEYS, keys);
        }
        if (idempotencyKey != null) {
            commit.append(IDEMPOTENCY, idempotencyKey.toString());
        }
        return sealed(commit.append(EVENT_IDS, eventIds).append(EVENT_LIST, stored));
    }

    /** The document with the writer's seal, when this engine writes for the command side. */
    private Document sealed(Document owner) {
        return sealer == null ? owner : owner.append(SEAL, sealer.seal(owner));
    }

    /** Time, type, revision, payload and metadata: the part of a stored event Axon serializes. */
    private static void appendSerialized(Document doc, EventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        doc.append("timestamp", event.getTimestamp().toString())
           .append("payloadType", payload.getType().getName())
           .append("payloadRevision", payload.getType().getRevision())
           .append("payload", BsonJson.toBson(payload.getData()))
           .append("metaData", BsonJson.toBson(metaData.getData()));
    }

    /** Part two of a commit: one single-document insert that either stores every event or none. */
    void insertCommit(Document commit, List<? extends EventMessage<?>> events) {
        @SuppressWarnings("unchecked")
        List<Long> positions = (List<Long>) commit.get(POSITIONS);
        try {
            commits.insertOne(commit);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                voidPositions(positions, "write refused: " + e.getError().getCode());
                throw new EventStoreException("The event store refused the commit; nothing was stored", e);
            }
            boolean positionsTaken = commits.find(in(POSITIONS, positions)).first() != null;
            voidPositions(positions, positionsTaken ? "claimed by a reader" : "aggregate conflict");
            if (positionsTaken) {
                throw new EventStoreException("The commit took longer than the gap timeout and was abandoned; "
                        + "nothing was stored", e);
            }
            handlePersistenceException(new AggregateSequenceTakenException(e), conflictingEvent(commit, events));
        } catch (MongoException e) {
            // The outcome is unknown (e.g. the connection broke after the server wrote it): look.
            if (isStored(commit)) {
                log.info("Commit at position {} was stored although the write reported {}", positions.get(0), e.toString());
            } else {
                voidPositions(positions, "write failed: " + e.getClass().getSimpleName());
                throw new EventStoreException("The event store could not be written; nothing was stored", e);
            }
        }
        notifyListeners(commit);
    }

    private boolean isStored(Document commit) {
        try {
            Document found = commits.find(eq("_id", commit.get("_id"))).first();
            return found != null && !found.containsKey(VOID)
                    && firstEventId(found).equals(firstEventId(commit));
        } catch (MongoException unreachable) {
            return false;
        }
    }

    private static String firstEventId(Document commit) {
        return commit.getList(EVENT_LIST, Document.class).get(0).getString("eventId");
    }

    /**
     * Marks reserved positions as holding nothing, so readers go on at once instead of waiting
     * for the gap timeout. A position already owned by a commit stays that commit's.
     */
    private void voidPositions(List<Long> positions, String reason) {
        List<Document> voids = positions.stream().map(p -> voidDocument(p, reason)).toList();
        try {
            commits.insertMany(voids, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException alreadyOwned) {
            // some positions already had an owner; that is the point of the unique index
        } catch (MongoException e) {
            log.warn("Could not void positions {}..{}; readers will void them after the gap timeout",
                    positions.get(0), positions.get(positions.size() - 1), e);
        }
    }

    private Document voidDocument(long position, String reason) {
        return sealed(new Document("_id", position).append(POSITIONS, List.of(position))
                .append(VOID, reason).append("at", clock.instant().toString()));
    }

    private void notifyListeners(Document commit) {
        if (commitListeners.isEmpty()) {
            return;
        }
        CommitReceipt receipt = receiptOf(commit);
        commitListeners.forEach(listener -> listener.committed(receipt));
    }

    private static CommitReceipt receiptOf(Document commit) {
        @SuppressWarnings("unchecked")
        List<Long> positions = (List<Long>) commit.get(POSITIONS);
        Map<String, Long> versions = new LinkedHashMap<>();
        for (Document event : commit.getList(EVENT_LIST, Document.class)) {
            if (event.containsKey("aggregateId")) {
                versions.merge(event.getString("aggregateId"), event.getLong("sequence"), Math::max);
            }
        }
        return new CommitReceipt(positions.get(0), positions.get(positions.size() - 1), versions);
    }

    /**
     * The receipt of the commit stored under this idempotency key, if any: one exact lookup on the
     * unique index. Empty means no commit holds the key now; one in flight may still land, but only
     * one commit ever can.
     */
    public Optional<CommitReceipt> committedUnder(String idempotencyKey) {
        return Optional.ofNullable(commits.find(eq(IDEMPOTENCY, idempotencyKey)).first())
                .map(MongoEventStorageEngine::receiptOf);
    }

    /** The event that would create an aggregate the store already holds, if any. */
    private EventMessage<?> creationOfExistingAggregate(List<? extends EventMessage<?>> events) {
        Map<String, EventMessage<?>> creations = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getSequenceNumber() == 0) {
                creations.put(aggregateKey(domainEvent.getAggregateIdentifier(), 0), event);
            }
        }
        if (creations.isEmpty()) {
            return null;
        }
        Document taken;
        try {
            taken = commits.find(in(KEYS, List.copyOf(creations.keySet()))).projection(Projections.include(KEYS)).first();
        } catch (MongoException e) {
            throw new EventStoreException("The event store could not check the commit before it would reserve "
                    + "positions; nothing was stored", e);
        }
        if (taken == null) {
            return null;
        }
        List<String> keys = taken.getList(KEYS, String.class);
        return creations.entrySet().stream().filter(e -> keys.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The first event that repeats the aggregate sequence or the event id of an earlier one in the list. */
    private static EventMessage<?> repeatedWithinCommit(List<? extends EventMessage<?>> events) {
        Set<String> keys = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (EventMessage<?> event : events) {
            boolean repeated = !ids.add(event.getIdentifier());
            if (event instanceof DomainEventMessage<?> domainEvent) {
                repeated |= !keys.add(aggregateKey(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber()));
            }
            if (repeated) {
                return event;
            }
        }
        return null;
    }

    /** The event whose aggregate sequence or event id another commit already holds (Axon words the error after it). */
    private EventMessage<?> conflictingEvent(Document commit, List<? extends EventMessage<?>> events) {
        List<String> ours = commit.getList(KEYS, String.class, List.of());
        Set<String> taken = new HashSet<>();
        if (!ours.isEmpty()) {
            for (Document other : commits.find(in(KEYS, ours))) {
                taken.addAll(other.getList(KEYS, String.class));
            }
        }
        Set<String> takenIds = new HashSet<>();
        for (Document other : commits.find(in(EVENT_IDS, commit.getList(EVENT_IDS, String.class)))
                .projection(Projections.include(EVENT_IDS))) {
            takenIds.addAll(other.getList(EVENT_IDS, String.class));
        }
        for (EventMessage<?> event : events) {
            if (takenIds.contains(event.getIdentifier()) || event instanceof DomainEventMessage<?> domainEvent
                    && taken.contains(aggregateKey(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber()))) {
                return event;
            }
        }
        return events.get(0);
    }

    static String aggregateKey(String aggregateId, long sequence) {
        return aggregateId + ":" + sequence;
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document existing = snapshots.find(eq("_id", snapshot.getAggregateIdentifier())).first();
        if (existing != null && existing.getLong("sequence") >= snapshot.getSequenceNumber()) {
            return;
        }
        Document doc = new Document("_id", snapshot.getAggregateIdentifier())
                .append("eventId", snapshot.getIdentifier())
                .append("aggregateType", snapshot.getType())
                .append("aggregateId", snapshot.getAggregateIdentifier())
                .append("sequence", snapshot.getSequenceNumber());
        appendSerialized(doc, snapshot, serializer);
        snapshots.replaceOne(eq("_id", snapshot.getAggregateIdentifier()), doc, new ReplaceOptions().upsert(true));
    }

    // ---------------------------------------------------------------- reading one aggregate

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                 int batchSize) {
        List<String> keys = new ArrayList<>(batchSize);
        for (long seq = firstSequenceNumber; seq < firstSequenceNumber + batchSize; seq++) {
            keys.add(aggregateKey(aggregateIdentifier, seq));
        }
        List<DomainEventData<?>> result = new ArrayList<>();
        for (Document commit : distinct(in(KEYS, keys))) {
            for (Document event : commit.getList(EVENT_LIST, Document.class)) {
                if (aggregateIdentifier.equals(event.getString("aggregateId"))) {
                    long seq = event.getLong("sequence");
                    if (seq >= firstSequenceNumber && seq < firstSequenceNumber + batchSize) {
                        result.add(domainEventData(event));
                    }
                }
            }
        }
        result.sort(Comparator.comparingLong(DomainEventData::getSequenceNumber));
        return result;
    }

    /**
     * The global position of each stored event of an aggregate, by sequence number: what a timeline
     * shows beside each event so a client can line it up with the global feed.
     */
    public Map<Long, Long> positionsOf(String aggregateIdentifier) {
        Map<Long, Long> positions = new HashMap<>();
        eachStoredEvent(aggregateIdentifier, (commit, event) -> positions.put(event.getLong("sequence"), event.getLong("position")));
        return positions;
    }

    /**
     * The sequence numbers of an aggregate's stored events that this reader's guard does not take
     * for the writer's (forged, or not decidable yet): what a timeline, which reads one aggregate
     * rather than the guarded stream, leaves out. Empty without a guard (the writer's own engine).
     */
    public Set<Long> notGenuine(String aggregateIdentifier) {
        Set<Long> refused = new HashSet<>();
        if (guard == null) {
            return refused;
        }
        Map<Object, CommitGuard.Verdict> verdicts = new HashMap<>(); // one per commit, as the stream judges
        eachStoredEvent(aggregateIdentifier, (commit, event) -> {
            // judged at its first position, as the stream meets it, so an alarm names the same position
            CommitGuard.Verdict verdict = verdicts.computeIfAbsent(commit.get("_id"), id -> {
                long first = ((Number) commit.getList(POSITIONS, Object.class).get(0)).longValue();
                return guard.judge(new LogEntry(first, commit, eventAt(commit, first)));
            });
            if (verdict != CommitGuard.Verdict.GENUINE) {
                refused.add(event.getLong("sequence"));
            }
        });
        return refused;
    }

    /** Every stored event of an aggregate, from sequence 0, with the commit that holds it. */
    private void eachStoredEvent(String aggregateIdentifier, java.util.function.BiConsumer<Document, Document> action) {
        long last = lastSequenceNumberFor(aggregateIdentifier).orElse(-1L);
        for (long from = 0; from <= last; from += batchSize()) {
            List<String> keys = new ArrayList<>();
            for (long seq = from; seq <= Math.min(last, from + batchSize() - 1); seq++) {
                keys.add(aggregateKey(aggregateIdentifier, seq));
            }
            for (Document commit : distinct(KEYS, keys)) {
                for (Document event : commit.getList(EVENT_LIST, Document.class)) {
                    if (aggregateIdentifier.equals(event.getString("aggregateId"))) {
                        action.accept(commit, event);
                    }
                }
            }
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(eq("_id", aggregateIdentifier)).first();
        if (snapshot == null) {
            return Stream.empty();
        }
        return Stream.of(domainEventData(snapshot));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        int window = 256;
        long last = -1;
        while (true) {
            List<? extends DomainEventData<?>> batch = fetchDomainEvents(aggregateIdentifier, last + 1, window);
            if (batch.isEmpty()) {
                break;
            }
            last = batch.get(batch.size() - 1).getSequenceNumber();
            if (batch.size() < window) {
                break;
            }
        }
        return last < 0 ? Optional.empty() : Optional.of(last);
    }

    // ---------------------------------------------------------------- reading the global stream

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        long next = lastToken == null ? FIRST_POSITION
                : lastToken.position().orElse(FIRST_POSITION - 1) + 1;
        gapsFirstSeen.keySet().removeIf(position -> position < next);
        List<TrackedEventData<?>> result = new ArrayList<>();
        long cursor = next;
        Document judged = null; // one verdict per commit, however many positions it owns
        CommitGuard.Verdict verdict = CommitGuard.Verdict.GENUINE;
        scan:
        while (result.size() < batchSize) {
            List<LogEntry> entries = readSettled(cursor, batchSize);
            for (LogEntry entry : entries) {
                if (entry.event() == null) {
                    continue;
                }
                if (entry.owner() != judged) {
                    judged = entry.owner();
                    verdict = guard == null ? CommitGuard.Verdict.GENUINE : guard.judge(entry);
                    if (verdict == CommitGuard.Verdict.UNDECIDED) {
                        break scan; // like a gap: the token stays before it, the next poll reads it again
                    }
                }
                if (verdict == CommitGuard.Verdict.GENUINE) {
                    result.add(trackedEventData(entry));
                }
            }
            if (entries.size() < batchSize) {
                break; // the end of the stream, or a writer still busy with the next position
            }
            cursor = entries.get(entries.size() - 1).position() + 1;
        }
        return result;
    }

    /** One position of the log: the document that owns it and its event (null when the position is void). */
    public record LogEntry(long position, Document owner, Document event) {
        public boolean isVoid() {
            return owner.containsKey(VOID);
        }
    }

    /**
     * The log from {@code from} on, position by position, up to {@code limit} positions, as far as
     * every position is <em>settled</em> (owned by a commit or a void marker). It stops at a gap
     * whose writer still has time, and voids a gap older than the gap timeout, as every reader does.
     */
    public List<LogEntry> readSettled(long from, int limit) {
        List<LogEntry> result = new ArrayList<>();
        long cursor = from;
        Long head = null;
        scan:
        while (result.size() < limit) {
            int window = limit - result.size();
            Map<Long, Document> owners = owners(cursor, window);
            long windowEnd = cursor + window;
            while (cursor < windowEnd) {
                Document owner = owners.get(cursor);
                if (owner == null) {
                    if (head == null || cursor > head) {
                        head = lastReservedPosition();
                    }
                    if (cursor > head) {
                        break scan; // the end of the stream
                    }
                    if (!claimIfStale(cursor, head, owners, windowEnd)) {
                        break scan; // a writer is still busy with this position: wait for it
                    }
                    continue scan; // the position now has an owner (our void or the late commit): look again
                }
                result.add(new LogEntry(cursor, owner, eventAt(owner, cursor)));
                cursor++;
            }
        }
        return result;
    }

    /** The event a commit holds at a position, or null (a void marker, or a document that does not hold it). */
    public static Document eventAt(Document owner, long position) {
        if (owner.containsKey(VOID)) {
            return null;
        }
        List<Document> events = owner.getList(EVENT_LIST, Document.class);
        // a commit's events sit in position order from its _id: look there first (readers call
        // this for every position of a commit), and search only if the document says otherwise
        if (owner.get("_id") instanceof Number first) {
            long index = position - first.longValue();
            if (index >= 0 && index < events.size() && events.get((int) index).get("position") instanceof Number p
                    && p.longValue() == position) {
                return events.get((int) index);
            }
        }
        for (Document event : events) {
            if (event.get("position") instanceof Number p && p.longValue() == position) {
                return event;
            }
        }
        return null;
    }

    /**
     * Which document owns each of the positions [from, from + count), as stored: one {@code $in}
     * index lookup, no waiting and no claiming (an auditor reads what is there).
     */
    public Map<Long, Document> owners(long from, int count) {
        List<Long> window = new ArrayList<>(count);
        for (long p = from; p < from + count; p++) {
            window.add(p);
        }
        return owners(window);
    }

    /** Which document owns each of these positions. */
    public Map<Long, Document> owners(Collection<Long> positions) {
        Map<Long, Document> owners = new HashMap<>();
        for (Document doc : distinct(POSITIONS, positions)) {
            for (Object position : doc.getList(POSITIONS, Object.class)) {
                owners.put(((Number) position).longValue(), doc);
            }
        }
        return owners;
    }

    /**
     * The documents matching a filter on a multikey field, each once. The embedded server answers
     * such a {@code $in} with a document once per matching key, so a commit of many events would
     * come back once per position asked for (hundreds of megabytes for a large commit, beyond the
     * wire protocol's limit): first the matching ids, small, then each document by its id.
     */
    private List<Document> distinct(Bson filter) {
        Set<Object> ids = new LinkedHashSet<>();
        for (Document id : commits.find(filter).projection(Projections.include("_id"))) {
            ids.add(id.get("_id"));
        }
        return byIds(ids);
    }

    /** As {@link #distinct(Bson)} for {@code field $in keys}, asked in {@link KeyBatches}. */
    private <T> List<Document> distinct(String field, Collection<T> keys) {
        Set<Object> ids = new LinkedHashSet<>();
        for (List<T> batch : KeyBatches.of(keys)) {
            for (Document id : commits.find(in(field, batch)).projection(Projections.include("_id"))) {
                ids.add(id.get("_id"));
            }
        }
        return byIds(ids);
    }

    private List<Document> byIds(Collection<Object> ids) {
        List<Document> found = new ArrayList<>(ids.size());
        for (List<Object> batch : KeyBatches.of(ids)) {
            commits.find(in("_id", batch)).into(found);
        }
        return found;
    }

    /**
     * The positions of these events (unknown ids are left out): one {@code $in} on the unique
     * event-id index; ids it does not know are looked for inside the commits too, because commits
     * stored before the index existed lack the top-level list (a scan, only for those ids).
     */
    public Map<String, Long> positionsOf(Collection<String> eventIds) {
        Set<String> wanted = new HashSet<>(eventIds);
        Map<String, Long> positions = new HashMap<>();
        collectPositions(distinct(EVENT_IDS, wanted), wanted, positions);
        List<String> missing = wanted.stream().filter(id -> !positions.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            collectPositions(commits.find(in(EVENT_LIST + ".eventId", missing)), wanted, positions);
        }
        return positions;
    }

    private static void collectPositions(Iterable<Document> found, Set<String> wanted, Map<String, Long> positions) {
        for (Document commit : found) {
            for (Document event : commit.getList(EVENT_LIST, Document.class)) {
                if (wanted.contains(event.getString("eventId"))) {
                    positions.put(event.getString("eventId"), event.getLong("position"));
                }
            }
        }
    }

    /**
     * A reserved position has no document. Returns true once it has been claimed (because its
     * writer is later than the gap timeout), false while the writer still has time.
     */
    private boolean claimIfStale(long position, long head, Map<Long, Document> owners, long windowEnd) {
        Instant now = clock.instant();
        // every hole seen now was reserved before now, so they all age from this moment together
        for (long p = position; p <= Math.min(head, windowEnd - 1); p++) {
            if (!owners.containsKey(p)) {
                gapsFirstSeen.putIfAbsent(p, now);
            }
        }
        Instant firstSeen = gapsFirstSeen.getOrDefault(position, now);
        if (Duration.between(firstSeen, now).compareTo(gapTimeout) < 0) {
            return false;
        }
        try {
            commits.insertOne(voidDocument(position, "no commit within " + gapTimeout));
            log.warn("Position {} stayed empty for {}; voided it (its writer, if any, will fail)", position, gapTimeout);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the commit arrived just now
        }
        gapsFirstSeen.remove(position);
        return true;
    }

    private static long lastPosition(Document owner) {
        List<Object> positions = owner.getList(POSITIONS, Object.class);
        return ((Number) positions.get(positions.size() - 1)).longValue();
    }

    /** The highest position handed out so far (0 when the store is empty). */
    public long lastReservedPosition() {
        Document counter = counters.find(eq("_id", GLOBAL_COUNTER)).first();
        return counter == null ? FIRST_POSITION - 1 : counter.get("last", Number.class).longValue();
    }

    /**
     * An event of the global stream. One of no aggregate must not be domain event data: Axon makes
     * a {@code DomainEventMessage} of any, and readers would take its event id for an aggregate.
     */
    private static TrackedEventData<String> trackedEventData(LogEntry entry) {
        TrackingToken token = new GlobalSequenceTrackingToken(entry.position());
        Document event = entry.event();
        return event.containsKey("aggregateId") ? new TrackedDomainEventData<>(token, domainEventData(event))
                : new TrackedPlainEventData(token, event);
    }

    private static DomainEventData<String> domainEventData(Document event) {
        return new GenericDomainEventEntry<>(
                event.getString("aggregateType"),
                event.getString("aggregateId"),
                event.getLong("sequence"),
                event.getString("eventId"),
                event.getString("timestamp"),
                event.getString("payloadType"),
                event.getString("payloadRevision"),
                BsonJson.toJson(event.get("payload")),
                BsonJson.toJson(event.get("metaData")));
    }

    // ---------------------------------------------------------------- tokens

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    /**
     * The position of the last event, once every position up to it has an owner (so a reader
     * starting there misses no commit that was still being written).
     */
    @Override
    public TrackingToken createHeadToken() {
        long head = lastReservedPosition();
        if (head < FIRST_POSITION) {
            return null;
        }
        // commits in flight have reserved at most the last few positions; wait until each has an owner
        long from = Math.max(FIRST_POSITION, head - 255);
        Long hole = firstHole(from, head);
        while (hole != null) {
            if (!claimIfStale(hole, head, owners(hole, (int) (head - hole + 1)), head + 1)) {
                sleepBriefly();
            }
            hole = firstHole(hole, head);
        }
        return new GlobalSequenceTrackingToken(head);
    }

    private Long firstHole(long from, long to) {
        Map<Long, Document> owners = owners(from, (int) (to - from + 1));
        for (long p = from; p <= to; p++) {
            if (!owners.containsKey(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * A token from which a reader gets every event stamped at or after {@code dateTime}: the one
     * just before the lowest such position. Timestamps do not rise with position (a handler stamps
     * its events before it reserves positions, and concurrent handlers reserve in any order), so no
     * search may jump over a position it has not looked at: the settled log is scanned in windows
     * of key lookups up to the answer. The latest stamp up to the end of each whole window does
     * rise, and settled positions never change: remembered, it lets later calls skip the windows
     * wholly before the instant (the first call scans the log up to its answer; a stamp far ahead
     * of its neighbours makes every later window count as reaching it, and the skip shrinks). A
     * position whose writer is still busy ends the scan: whatever it and later positions hold, a
     * reader from the token gets it.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        int window = TIME_WINDOW;
        int skipped = windowsStampedBefore(dateTime);
        long cursor = FIRST_POSITION + (long) skipped * window;
        for (int index = skipped; ; index++) {
            List<LogEntry> entries = readSettled(cursor, window);
            Instant latest = Instant.MIN;
            for (LogEntry entry : entries) {
                if (entry.event() != null) {
                    Instant stamp = Instant.parse(entry.event().getString("timestamp"));
                    if (!stamp.isBefore(dateTime)) {
                        return tokenBefore(entry.position());
                    }
                    latest = stamp.isAfter(latest) ? stamp : latest;
                }
            }
            cursor += entries.size();
            if (entries.size() < window) {
                return tokenBefore(cursor);
            }
            rememberLatestStamp(index, latest);
        }
    }

    private static final int TIME_WINDOW = 256;

    /** How many whole windows from the first position hold only events stamped before the instant. */
    private int windowsStampedBefore(Instant dateTime) {
        synchronized (latestStampUpToWindow) {
            int low = 0;
            int high = latestStampUpToWindow.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (latestStampUpToWindow.get(mid).isBefore(dateTime)) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }

    private void rememberLatestStamp(int window, Instant latestInWindow) {
        synchronized (latestStampUpToWindow) {
            if (window == latestStampUpToWindow.size()) {
                Instant before = window == 0 ? Instant.MIN : latestStampUpToWindow.get(window - 1);
                latestStampUpToWindow.add(latestInWindow.isAfter(before) ? latestInWindow : before);
            }
        }
    }

    private static TrackingToken tokenBefore(long position) {
        return position <= FIRST_POSITION ? null : new GlobalSequenceTrackingToken(position - 1);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while waiting for a commit in flight", e);
        }
    }

    /** A stored event of no aggregate, as Axon reads it from the global stream. */
    private static final class TrackedPlainEventData extends AbstractEventEntry<String> implements TrackedEventData<String> {

        private final TrackingToken token;

        TrackedPlainEventData(TrackingToken token, Document event) {
            super(event.getString("eventId"), event.getString("timestamp"), event.getString("payloadType"),
                    event.getString("payloadRevision"), BsonJson.toJson(event.get("payload")),
                    BsonJson.toJson(event.get("metaData")));
            this.token = token;
        }

        @Override
        public TrackingToken trackingToken() {
            return token;
        }
    }

    /** Marks the duplicate-key failure on the aggregate index, so Axon reports a concurrency conflict. */
    static final class AggregateSequenceTakenException extends RuntimeException {
        AggregateSequenceTakenException(Throwable cause) {
            super("another commit already stored this aggregate sequence or event id", cause);
        }

        AggregateSequenceTakenException(String message) {
            super(message);
        }
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private Clock clock = Clock.systemUTC();
        private Duration gapTimeout = Duration.ofSeconds(10);
        private CommitSealer sealer;
        private CommitGuard guard;

        Builder() {
            persistenceExceptionResolver(AggregateSequenceTakenException.class::isInstance);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Seals every commit and void this engine writes (the command side's); none: documents go unsealed. */
        public Builder sealer(CommitSealer sealer) {
            this.sealer = sealer;
            return this;
        }

        /**
         * Checks each commit before the global stream hands its events to processors (a reader's).
         * A forged commit is passed over: a processor's token moves past it with the next admitted event (a
         * forged commit at the end of the stream is read again at each poll until one comes). An undecided one
         * stops the read before it, as a gap does, until the guard can tell. None: every event is read.
         */
        public Builder guard(CommitGuard guard) {
            this.guard = guard;
            return this;
        }

        /** How long a reader waits for a reserved position to be written before it voids it. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver resolver) {
            super.persistenceExceptionResolver(resolver);
            return this;
        }

        public MongoEventStorageEngine build() {
            validate();
            return new MongoEventStorageEngine(this);
        }

        @Override
        protected void validate() {
            super.validate();
            if (database == null) {
                throw new org.axonframework.common.AxonConfigurationException("a MongoDatabase is required");
            }
        }
    }
}
