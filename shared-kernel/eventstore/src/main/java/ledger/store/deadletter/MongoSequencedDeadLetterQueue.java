package ledger.store.deadletter;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static ledger.store.deadletter.DeadLetterDocuments.CAUSE;
import static ledger.store.deadletter.DeadLetterDocuments.CLAIMED_AT;
import static ledger.store.deadletter.DeadLetterDocuments.CLAIMED_BY;
import static ledger.store.deadletter.DeadLetterDocuments.DIAGNOSTICS;
import static ledger.store.deadletter.DeadLetterDocuments.EVENT_ID;
import static ledger.store.deadletter.DeadLetterDocuments.GROUP;
import static ledger.store.deadletter.DeadLetterDocuments.INDEX;
import static ledger.store.deadletter.DeadLetterDocuments.LAST_TOUCHED;
import static ledger.store.deadletter.DeadLetterDocuments.POSITION;
import static ledger.store.deadletter.DeadLetterDocuments.SEQUENCE;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.WrongDeadLetterTypeException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead letters of one processing group, one document per letter in a collection all groups
 * share, keyed (unique index) by group, sequence and index in the sequence. Without transactions
 * (the embedded server has none) every step is a single-document write:
 * <ul>
 * <li>a letter takes the next free index of its sequence; a racing enqueue loses on the unique
 * index and takes the one after;</li>
 * <li>processing claims the sequence's first letter with a conditional update ({@code claimedAt}
 * absent or older than the claim timeout), and claims each following letter before it evicts the
 * one before, so another instance never sees the sequence unclaimed while it is being worked on;</li>
 * <li>an event already parked in its sequence is not parked a second time: a batch that fails
 * after one of its events was parked is handled again, and that event with it.</li>
 * </ul>
 */
public class MongoSequencedDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(MongoSequencedDeadLetterQueue.class);

    public static final String COLLECTION = "dead_letters";
    private static final int INSERT_ATTEMPTS = 16;

    private final String processingGroup;
    private final MongoCollection<Document> letters;
    private final DeadLetterDocuments documents;
    private final int maxSequences;
    private final int maxSequenceSize;
    private final Duration claimTimeout;
    private final Clock clock;
    private final String nodeId;

    protected MongoSequencedDeadLetterQueue(Builder builder) {
        builder.validate();
        this.processingGroup = builder.processingGroup;
        this.letters = builder.database.getCollection(COLLECTION);
        this.documents = new DeadLetterDocuments(builder.serializer, builder.clock);
        this.maxSequences = builder.maxSequences;
        this.maxSequenceSize = builder.maxSequenceSize;
        this.claimTimeout = builder.claimTimeout;
        this.clock = builder.clock;
        this.nodeId = builder.nodeId;
        letters.createIndex(Indexes.ascending(GROUP, SEQUENCE, INDEX),
                new IndexOptions().unique(true).name("group_sequence_index"));
    }

    public static Builder builder() {
        return new Builder();
    }

    public String processingGroup() {
        return processingGroup;
    }

    /** Axon's convention (the JPA and JDBC queues agree): strings as they are, anything else by its hash. */
    static String identifier(Object sequenceIdentifier) {
        return sequenceIdentifier instanceof String text ? text : Integer.toString(sequenceIdentifier.hashCode());
    }

    private Bson inGroup() {
        return eq(GROUP, processingGroup);
    }

    private Bson inSequence(String sequence) {
        return and(eq(GROUP, processingGroup), eq(SEQUENCE, sequence));
    }

    // ---------------------------------------------------------------- adding and removing

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter)
            throws DeadLetterQueueOverflowException {
        String sequence = identifier(sequenceIdentifier);
        String eventId = letter.message().getIdentifier();
        if (letters.find(and(inSequence(sequence), eq(EVENT_ID, eventId))).projection(Projections.include("_id"))
                .first() != null) {
            log.debug("Event [{}] is already parked in sequence [{}] of processing group [{}]", eventId, sequence,
                    processingGroup);
            return;
        }
        if (isFull(sequence)) {
            throw new DeadLetterQueueOverflowException("No room left to enqueue [" + letter.message().getIdentifier()
                    + "] for sequence [" + sequence + "] of processing group [" + processingGroup + "]");
        }
        Document doc = documents.toDocument(processingGroup, sequence, 0, letter);
        for (int attempt = 1; ; attempt++) {
            long index = nextIndex(sequence);
            doc.put(INDEX, index);
            try {
                letters.insertOne(doc);
                log.info("Dead-lettered event [{}] of processing group [{}] in sequence [{}] at index {}: {}",
                        letter.message().getIdentifier(), processingGroup, sequence, index,
                        letter.cause().map(c -> c.type()).orElse("its sequence is already dead-lettered"));
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt == INSERT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private long nextIndex(String sequence) {
        Document last = letters.find(inSequence(sequence)).sort(Sorts.descending(INDEX))
                .projection(Projections.include(INDEX)).first();
        return last == null ? 0 : last.get(INDEX, Number.class).longValue() + 1;
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        MongoDeadLetter<?> stored = stored(letter, "evict");
        if (letters.deleteOne(eq("_id", stored.documentId())).getDeletedCount() == 0) {
            log.debug("Dead letter {} was already evicted", stored);
        }
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater)
            throws NoSuchDeadLetterException {
        MongoDeadLetter<?> stored = stored(letter, "requeue");
        DeadLetter<? extends EventMessage<?>> updated = letterUpdater.apply(letter).markTouched();
        long matched = letters.updateOne(eq("_id", stored.documentId()), Updates.combine(
                Updates.set(CAUSE, DeadLetterDocuments.causeDocument(updated.cause().orElse(null))),
                Updates.set(DIAGNOSTICS, documents.diagnostics(updated.diagnostics())),
                Updates.set(LAST_TOUCHED, Date.from(updated.lastTouched())),
                Updates.set(CLAIMED_AT, null),
                Updates.unset(CLAIMED_BY))).getMatchedCount();
        if (matched == 0) {
            throw new NoSuchDeadLetterException("Cannot requeue " + stored + ": it is no longer in the queue");
        }
    }

    private static MongoDeadLetter<?> stored(DeadLetter<? extends EventMessage<?>> letter, String operation) {
        if (letter instanceof MongoDeadLetter<?> stored) {
            return stored;
        }
        throw new WrongDeadLetterTypeException("Cannot " + operation + " a " + letter.getClass().getName()
                + ": only letters read from this queue");
    }

    @Override
    public void clear() {
        long deleted = letters.deleteMany(inGroup()).getDeletedCount();
        log.info("Cleared {} dead letters of processing group [{}]", deleted, processingGroup);
    }

    // ---------------------------------------------------------------- reading

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return letters.find(inSequence(identifier(sequenceIdentifier))).projection(Projections.include("_id"))
                .first() != null;
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        List<DeadLetter<? extends EventMessage<?>>> sequence = new ArrayList<>();
        for (Document doc : letters.find(inSequence(identifier(sequenceIdentifier))).sort(Sorts.ascending(INDEX))) {
            sequence.add(documents.toLetter(doc));
        }
        return sequence;
    }

    /** Every sequence, the one whose first letter was touched longest ago first. */
    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        List<Iterable<DeadLetter<? extends EventMessage<?>>>> sequences = new ArrayList<>();
        for (Document head : heads()) {
            sequences.add(deadLetterSequence(head.getString(SEQUENCE)));
        }
        return sequences;
    }

    /** The first letter of each sequence (only its key, touch and claim), oldest touch first. */
    private List<Document> heads() {
        Map<String, Document> first = new HashMap<>();
        for (Document doc : letters.find(inGroup())
                .projection(Projections.include(SEQUENCE, INDEX, LAST_TOUCHED, CLAIMED_AT))) {
            first.merge(doc.getString(SEQUENCE), doc, (a, b) -> index(a) <= index(b) ? a : b);
        }
        List<Document> heads = new ArrayList<>(first.values());
        heads.sort(Comparator.comparing((Document d) -> d.getDate(LAST_TOUCHED)).thenComparing(d -> d.getString(SEQUENCE)));
        return heads;
    }

    private static long index(Document doc) {
        return doc.get(INDEX, Number.class).longValue();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        long inSequence = sequenceSize(sequenceIdentifier);
        return inSequence > 0 ? inSequence >= maxSequenceSize : amountOfSequences() >= maxSequences;
    }

    @Override
    public long size() {
        return letters.countDocuments(inGroup());
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return letters.countDocuments(inSequence(identifier(sequenceIdentifier)));
    }

    @Override
    public long amountOfSequences() {
        long count = 0;
        for (String ignored : letters.distinct(SEQUENCE, inGroup(), String.class)) {
            count++;
        }
        return count;
    }

    /**
     * A sequence holding letters at or before a position: how many, the first one's position, and
     * whether an instance is retrying it now.
     */
    public record ParkedSequence(String sequenceIdentifier, long letters, Long firstPosition, boolean beingRetried) {
    }

    /**
     * The sequences that hold a letter of an event at or before {@code position} (a letter stored
     * without its position counts as before any), of every sequence or only of those named, the
     * earliest first. One query on the group's letters, which are few.
     */
    public List<ParkedSequence> parkedUpTo(long position, Collection<String> sequences) {
        Bson filter = and(inGroup(), or(lte(POSITION, position), exists(POSITION, false)));
        if (sequences != null) {
            if (sequences.isEmpty()) {
                return List.of();
            }
            filter = and(filter, in(SEQUENCE, List.copyOf(sequences)));
        }
        Date staleBefore = Date.from(clock.instant().minus(claimTimeout));
        Map<String, long[]> found = new LinkedHashMap<>(); // letters, first position (MIN: unknown), retried (0/1)
        for (Document doc : letters.find(filter).projection(Projections.include(SEQUENCE, POSITION, CLAIMED_AT))) {
            long[] entry = found.computeIfAbsent(doc.getString(SEQUENCE), s -> new long[] {0, Long.MAX_VALUE, 0});
            entry[0]++;
            Number at = doc.get(POSITION, Number.class);
            entry[1] = Math.min(entry[1], at == null ? Long.MIN_VALUE : at.longValue());
            Date claimed = doc.getDate(CLAIMED_AT);
            if (claimed != null && !claimed.before(staleBefore)) {
                entry[2] = 1;
            }
        }
        List<ParkedSequence> parked = new ArrayList<>();
        found.forEach((sequence, entry) -> parked.add(new ParkedSequence(sequence, entry[0],
                entry[1] == Long.MIN_VALUE ? null : entry[1], entry[2] == 1)));
        parked.sort(Comparator.comparing((ParkedSequence p) -> p.firstPosition() == null ? Long.MIN_VALUE : p.firstPosition())
                .thenComparing(ParkedSequence::sequenceIdentifier));
        return parked;
    }

    // ---------------------------------------------------------------- processing

    /**
     * Processes the sequence, among those no one holds and whose first letter passes the filter,
     * that was touched longest ago: letter by letter while they succeed; the first that fails is
     * requeued and ends the run. True only when the whole sequence was processed.
     */
    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        Date staleBefore = Date.from(clock.instant().minus(claimTimeout));
        for (Document head : heads()) {
            Date claimedAt = head.getDate(CLAIMED_AT);
            if (claimedAt != null && !claimedAt.before(staleBefore)) {
                continue;
            }
            Document full = letters.find(eq("_id", head.getObjectId("_id"))).first();
            if (full == null) {
                continue;
            }
            MongoDeadLetter<EventMessage<?>> first = documents.toLetter(full);
            if (sequenceFilter.test(first) && claim(first)) {
                return processSequence(first, processingTask);
            }
        }
        log.debug("No unclaimed dead-letter sequence of processing group [{}] matches", processingGroup);
        return false;
    }

    private boolean processSequence(MongoDeadLetter<EventMessage<?>> first,
                                    Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        MongoDeadLetter<EventMessage<?>> current = first;
        while (current != null) {
            EnqueueDecision<EventMessage<?>> decision;
            try {
                decision = task.apply(current);
            } catch (RuntimeException e) {
                release(current);
                throw e;
            }
            if (decision.shouldEnqueue()) {
                requeue(current, letter -> decision.withDiagnostics(letter)
                                                   .withCause(decision.enqueueCause().orElse(null)));
                return false;
            }
            MongoDeadLetter<EventMessage<?>> next = nextAfter(current);
            boolean holdsNext = next == null || claim(next);
            evict(current);
            if (!holdsNext) {
                // our claim outlived the timeout and another instance took over the rest
                return false;
            }
            current = next;
        }
        return true;
    }

    private MongoDeadLetter<EventMessage<?>> nextAfter(MongoDeadLetter<?> letter) {
        Document next = letters.find(and(inSequence(letter.sequenceIdentifier()), gt(INDEX, letter.index())))
                .sort(Sorts.ascending(INDEX)).first();
        return next == null ? null : documents.toLetter(next);
    }

    private boolean claim(MongoDeadLetter<?> letter) {
        Instant now = clock.instant();
        Date staleBefore = Date.from(now.minus(claimTimeout));
        boolean claimed = letters.updateOne(
                and(eq("_id", letter.documentId()), or(eq(CLAIMED_AT, null), lt(CLAIMED_AT, staleBefore))),
                Updates.combine(Updates.set(CLAIMED_AT, Date.from(now)), Updates.set(CLAIMED_BY, nodeId)))
                .getModifiedCount() == 1;
        log.debug("{} {} for processing", claimed ? "Claimed" : "Could not claim", letter);
        return claimed;
    }

    private void release(MongoDeadLetter<?> letter) {
        letters.updateOne(and(eq("_id", letter.documentId()), eq(CLAIMED_BY, nodeId)),
                Updates.combine(Updates.set(CLAIMED_AT, null), Updates.unset(CLAIMED_BY)));
    }

    public static class Builder {

        private String processingGroup;
        private MongoDatabase database;
        private Serializer serializer;
        private int maxSequences = 1024;
        private int maxSequenceSize = 1024;
        private Duration claimTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private String nodeId = ManagementFactory.getRuntimeMXBean().getName();

        public Builder processingGroup(String processingGroup) {
            this.processingGroup = processingGroup;
            return this;
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** Serializes payload, metadata, tracking token and diagnostics (to JSON, stored as sub-documents). */
        public Builder serializer(Serializer serializer) {
            this.serializer = serializer;
            return this;
        }

        /** How many sequences (aggregates, with the default policy) may be dead-lettered at once. */
        public Builder maxSequences(int maxSequences) {
            this.maxSequences = maxSequences;
            return this;
        }

        /** How many letters one sequence may hold. */
        public Builder maxSequenceSize(int maxSequenceSize) {
            this.maxSequenceSize = maxSequenceSize;
            return this;
        }

        /** After this long a claim on a sequence counts as abandoned (its holder died) and another may take it. */
        public Builder claimTimeout(Duration claimTimeout) {
            this.claimTimeout = claimTimeout;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Recorded with a claim, so an operator can see which instance holds a sequence. */
        public Builder nodeId(String nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        public MongoSequencedDeadLetterQueue build() {
            return new MongoSequencedDeadLetterQueue(this);
        }

        protected void validate() {
            if (processingGroup == null || processingGroup.isBlank()) {
                throw new AxonConfigurationException("a processing group is required");
            }
            if (database == null || serializer == null) {
                throw new AxonConfigurationException("a MongoDatabase and a Serializer are required");
            }
            if (maxSequences < 1 || maxSequenceSize < 1) {
                throw new AxonConfigurationException("the maximum number of sequences and of letters in a sequence "
                        + "must be positive");
            }
            if (claimTimeout == null || claimTimeout.isNegative() || claimTimeout.isZero()) {
                throw new AxonConfigurationException("the claim timeout must be positive");
            }
        }
    }
}
