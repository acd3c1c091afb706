package ledger.store.deadletter;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.bson.types.ObjectId;

/**
 * A letter as stored by {@link MongoSequencedDeadLetterQueue}. It remembers its document and its
 * place in the sequence, so that evicting or requeueing it touches exactly that document.
 */
public final class MongoDeadLetter<M extends EventMessage<?>> implements DeadLetter<M> {

    private final ObjectId documentId;
    private final String sequenceIdentifier;
    private final long index;
    private final String payloadType;
    private final M message;
    private final Cause cause;
    private final Instant enqueuedAt;
    private final Instant lastTouched;
    private final MetaData diagnostics;
    private final Clock clock;

    MongoDeadLetter(ObjectId documentId, String sequenceIdentifier, long index, String payloadType, M message,
                    Cause cause, Instant enqueuedAt, Instant lastTouched, MetaData diagnostics, Clock clock) {
        this.documentId = documentId;
        this.sequenceIdentifier = sequenceIdentifier;
        this.index = index;
        this.payloadType = payloadType;
        this.message = message;
        this.cause = cause;
        this.enqueuedAt = enqueuedAt;
        this.lastTouched = lastTouched;
        this.diagnostics = diagnostics;
        this.clock = clock;
    }

    ObjectId documentId() {
        return documentId;
    }

    /** The sequence (with the default policy: the aggregate) this letter holds up. */
    public String sequenceIdentifier() {
        return sequenceIdentifier;
    }

    /** The letter's place in its sequence; letters are retried in this order. */
    public long index() {
        return index;
    }

    /** The stored payload type, readable even when the payload itself no longer deserializes. */
    public String payloadType() {
        return payloadType;
    }

    @Override
    public M message() {
        return message;
    }

    @Override
    public Optional<Cause> cause() {
        return Optional.ofNullable(cause);
    }

    @Override
    public Instant enqueuedAt() {
        return enqueuedAt;
    }

    @Override
    public Instant lastTouched() {
        return lastTouched;
    }

    @Override
    public MetaData diagnostics() {
        return diagnostics;
    }

    @Override
    public DeadLetter<M> markTouched() {
        return touched(cause, diagnostics);
    }

    /** A null cause keeps the current one, as Axon's own letters do. */
    @Override
    public DeadLetter<M> withCause(Throwable requeueCause) {
        return touched(requeueCause == null ? cause : ThrowableCause.asCause(requeueCause), diagnostics);
    }

    @Override
    public DeadLetter<M> withDiagnostics(MetaData diagnostics) {
        return touched(cause, diagnostics);
    }

    private MongoDeadLetter<M> touched(Cause cause, MetaData diagnostics) {
        return new MongoDeadLetter<>(documentId, sequenceIdentifier, index, payloadType, message, cause, enqueuedAt,
                clock.instant(), diagnostics, clock);
    }

    @Override
    public String toString() {
        return "MongoDeadLetter{sequence=" + sequenceIdentifier + ", index=" + index + ", message="
                + message.getIdentifier() + ", cause=" + cause + "}";
    }
}
