package ledger.query.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.store.deadletter.MongoDeadLetter;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/** What an operator does with parked events: look at them, retry them in order, or give them up. */
@Component
public class DeadLetters {

    public record CauseView(String type, String message) {
    }

    public record LetterView(long index, String eventId, String type, String aggregateType, String aggregateId,
                      Long aggregateSequence, Long position, Instant timestamp, CauseView cause, Instant enqueuedAt,
                      Instant lastTouched, Map<String, ?> diagnostics) {
    }

    public record SequenceView(String sequenceId, int size, List<LetterView> letters) {
    }

    public record GroupView(String group, long sequenceCount, long letterCount, List<SequenceView> sequences) {
    }

    public enum Outcome {
        /** Every letter of the sequence was handled; the sequence is gone from the queue. */
        RESOLVED,
        /** A letter failed again; it stays first in its sequence with the new cause. */
        STILL_FAILING,
        /** Another instance is processing the sequence right now. */
        BUSY
    }

    public record SequenceRetry(String sequenceId, Outcome outcome, long remaining, CauseView cause) {
    }

    public record RetryReport(String group, int retried, int resolved, int stillFailing, int busy, List<SequenceRetry> sequences) {
    }

    private final EventProcessingConfiguration processing;
    private final DeadLetterConfiguration.ViewGroups groups;

    DeadLetters(EventProcessingConfiguration processing, DeadLetterConfiguration.ViewGroups groups) {
        this.processing = processing;
        this.groups = groups;
    }

    /** The view groups that have a dead-letter queue. */
    public List<String> groups() {
        return groups.names();
    }

    /** How many events the group holds parked. */
    long parked(String group) {
        return queue(group).size();
    }

    public List<GroupView> all() {
        return groups.names().stream().map(this::group).toList();
    }

    public GroupView group(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<SequenceView> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            List<LetterView> letters = new ArrayList<>();
            sequence.forEach(letter -> letters.add(view(letter)));
            if (!letters.isEmpty()) {
                sequences.add(new SequenceView(sequenceOf(sequence.iterator().next()), letters.size(), letters));
            }
        }
        return new GroupView(group, sequences.size(), sequences.stream().mapToLong(SequenceView::size).sum(), sequences);
    }

    /**
     * Retries the given sequence, or every sequence held now, each once: a sequence that fails
     * again is not tried a second time in the same request.
     */
    public RetryReport retry(String group, String sequenceId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> unknownGroup(group));
        List<String> sequenceIds = new ArrayList<>();
        if (sequenceId != null) {
            requireSequence(queue, group, sequenceId);
            sequenceIds.add(sequenceId);
        } else {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                Iterator<DeadLetter<? extends EventMessage<?>>> letters = sequence.iterator();
                if (letters.hasNext()) {
                    sequenceIds.add(sequenceOf(letters.next()));
                }
            }
        }
        List<SequenceRetry> outcomes = sequenceIds.stream().map(id -> retryOne(queue, processor, id)).toList();
        return new RetryReport(group, outcomes.size(), count(outcomes, Outcome.RESOLVED),
                count(outcomes, Outcome.STILL_FAILING), count(outcomes, Outcome.BUSY), outcomes);
    }

    /** How often a retry that resolved its sequence goes on when events arrived behind it meanwhile. */
    private static final int FOLLOW_UPS = 3;

    private SequenceRetry retryOne(SequencedDeadLetterQueue<EventMessage<?>> queue,
                                   SequencedDeadLetterProcessor<EventMessage<?>> processor, String sequenceId) {
        Outcome outcome;
        int round = 0;
        do {
            AtomicBoolean offered = new AtomicBoolean();
            boolean resolved = processor.process(letter -> {
                boolean ours = sequenceOf(letter).equals(sequenceId);
                offered.compareAndSet(false, ours);
                return ours;
            });
            outcome = resolved ? Outcome.RESOLVED : offered.get() ? Outcome.STILL_FAILING : Outcome.BUSY;
            // the processor parks an event behind its sequence while the sequence is still there; one
            // that arrived as the retry evicted the last letter is left behind: take it along
        } while (outcome == Outcome.RESOLVED && ++round <= FOLLOW_UPS && queue.sequenceSize(sequenceId) > 0);
        Iterator<DeadLetter<? extends EventMessage<?>>> left = queue.deadLetterSequence(sequenceId).iterator();
        CauseView cause = left.hasNext() ? cause(left.next().cause().orElse(null)) : null;
        return new SequenceRetry(sequenceId, outcome, queue.sequenceSize(sequenceId), cause);
    }

    private static int count(List<SequenceRetry> outcomes, Outcome outcome) {
        return (int) outcomes.stream().filter(o -> o.outcome() == outcome).count();
    }

    /** Gives up the whole sequence: its events will not reach this view. */
    public void evictSequence(String group, String sequenceId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        requireSequence(queue, group, sequenceId).forEach(queue::evict);
    }

    /** Gives up one event, e.g. one that can never be handled, so the rest of its sequence can be retried. */
    public void evictLetter(String group, String sequenceId, String eventId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        DeadLetter<? extends EventMessage<?>> letter = requireSequence(queue, group, sequenceId).stream()
                .filter(l -> l.message().getIdentifier().equals(eventId)).findFirst()
                .orElseThrow(() -> new LedgerException(ErrorCode.UNKNOWN_RESOURCE,
                        "Sequence " + sequenceId + " of " + group + " holds no event " + eventId));
        queue.evict(letter);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        if (!groups.names().contains(group)) {
            throw unknownGroup(group);
        }
        return processing.deadLetterQueue(group).orElseThrow(() -> unknownGroup(group));
    }

    private static List<DeadLetter<? extends EventMessage<?>>> requireSequence(
            SequencedDeadLetterQueue<EventMessage<?>> queue, String group, String sequenceId) {
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequenceId).forEach(letters::add);
        if (letters.isEmpty()) {
            throw new LedgerException(ErrorCode.UNKNOWN_RESOURCE,
                    "No dead letters of " + group + " in sequence " + sequenceId);
        }
        return letters;
    }

    private static LedgerException unknownGroup(String group) {
        return new LedgerException(ErrorCode.UNKNOWN_RESOURCE, "No view processing group " + group);
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof MongoDeadLetter<?> stored) {
            return stored.sequenceIdentifier();
        }
        throw new IllegalStateException("A view's dead letter is not from the MongoDB queue: " + letter);
    }

    private static LetterView view(DeadLetter<? extends EventMessage<?>> letter) {
        MongoDeadLetter<?> stored = (MongoDeadLetter<?>) letter;
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Long position = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().stream().boxed().findFirst().orElse(null) : null;
        String payloadType = stored.payloadType();
        return new LetterView(stored.index(), event.getIdentifier(), payloadType.substring(payloadType.lastIndexOf('.') + 1),
                domain == null ? null : domain.getType(), domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), position, event.getTimestamp(),
                cause(letter.cause().orElse(null)), letter.enqueuedAt(), letter.lastTouched(), letter.diagnostics());
    }

    private static CauseView cause(Cause cause) {
        return cause == null ? null : new CauseView(cause.type(), cause.message());
    }
}
