package ledger.store.deadletter;

import org.axonframework.common.AxonTransientException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The views' dead-letter policy: only a failure that will not pass by itself parks an event.
 * <ul>
 * <li>A permanent failure ({@link TransientFailures} says no) is parked with its cause, and the
 * later events of its sequence wait behind it.</li>
 * <li>A transient failure of an event being handled is rethrown. It leaves the dead-lettering
 * invoker, rolls the batch back and fails the processor's work package; the pooled streaming
 * processor then releases the segment and claims it again after a back-off that doubles with
 * each failure (1 s, 2 s, … up to 60 s) and resets after a batch that succeeds. The event is
 * handled again, in order, once the store answers.</li>
 * <li>A transient failure while a parked letter is retried keeps the letter where it is, with its
 * cause; the retry's outcome is "still failing", and the next retry tries again.</li>
 * </ul>
 */
public final class PermanentFailurePolicy implements EnqueuePolicy<EventMessage<?>> {

    /** The diagnostics entry that tells an administrator a retry met a transient failure. */
    public static final String LAST_TRANSIENT_FAILURE = "lastTransientFailure";

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (!TransientFailures.isTransient(cause)) {
            return Decisions.enqueue(ThrowableCause.truncated(cause));
        }
        if (alreadyParked(letter)) {
            String failure = ThrowableCause.truncated(cause).type() + ": " + ThrowableCause.truncated(cause).message();
            return Decisions.requeue(null, parked -> diagnostics(parked).and(LAST_TRANSIENT_FAILURE, failure));
        }
        throw new TransientHandlingFailure(letter, cause);
    }

    private static MetaData diagnostics(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.diagnostics() == null ? MetaData.emptyInstance() : letter.diagnostics();
    }

    /**
     * A letter read from the queue is being retried; a fresh one is an event the processor is handling.
     * Axon's retry task also puts the letter among its unit of work's resources.
     */
    private static boolean alreadyParked(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof MongoDeadLetter<?>
                || CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }

    /** The event met a failure that passes by itself: the processor handles it again after a back-off. */
    public static final class TransientHandlingFailure extends AxonTransientException {

        TransientHandlingFailure(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
            super("Handling event [" + letter.message().getIdentifier() + "]" + aggregate(letter.message())
                    + " failed transiently ("
                    + cause.getClass().getName() + ": " + cause.getMessage()
                    + "); it is not parked: the processor retries the batch after a back-off", cause);
        }

        private static String aggregate(EventMessage<?> event) {
            return event instanceof DomainEventMessage<?> domain ? " of aggregate [" + domain.getAggregateIdentifier() + "]" : "";
        }
    }
}
