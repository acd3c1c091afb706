package ledger.store.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.serialization.SerializationException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;

/** Which failures park an event, and which the processor retries. */
class PermanentFailurePolicyTest {

    private static final ServerAddress STORE = new ServerAddress("127.0.0.1", 27018);

    private final PermanentFailurePolicy policy = new PermanentFailurePolicy();
    private final EventMessage<?> event = new GenericDomainEventMessage<>("Task", "task-7", 3, "progress");
    private final DeadLetter<EventMessage<?>> fresh = new GenericDeadLetter<>("task-7", event);

    @Test
    void the_store_unreachable_or_slow_is_transient_also_wrapped_by_spring_data_or_axon() {
        assertThat(java.util.List.<Throwable>of(
                new MongoTimeoutException("Timed out while waiting for a server"),
                new MongoSocketOpenException("Exception opening socket", STORE),
                new MongoSocketReadTimeoutException("Timeout while receiving message", STORE, new SocketTimeoutException()),
                new MongoExecutionTimeoutException(50, "operation exceeded time limit"),
                new MongoServerUnavailableException("The server is no longer available"),
                new MongoNotPrimaryException(new BsonDocument(), STORE),
                new MongoCommandException(BsonDocument.parse("{ok: 0, code: 91, errmsg: 'shutting down'}"), STORE),
                new DataAccessResourceFailureException("Timed out", new MongoTimeoutException("no server")),
                new QueryTimeoutException("slow"),
                new UnableToClaimTokenException("claimed elsewhere"),
                new RuntimeException("wrapped", new IllegalStateException("again", new SocketTimeoutException()))))
                .allSatisfy(failure -> assertThat(TransientFailures.isTransient(failure)).as(failure.toString()).isTrue());
    }

    @Test
    void a_handlers_bug_an_unreadable_event_or_a_refused_write_is_permanent() {
        assertThat(java.util.List.<Throwable>of(
                new IllegalStateException("the view has no such task"),
                new NullPointerException(),
                new SerializationException("cannot read the payload"),
                new DuplicateKeyException("E11000"),
                new MongoWriteException(new WriteError(11000, "E11000 duplicate key", new BsonDocument()), STORE, java.util.Set.of()),
                new MongoCommandException(BsonDocument.parse("{ok: 0, code: 2, errmsg: 'bad value'}"), STORE)))
                .allSatisfy(failure -> assertThat(TransientFailures.isTransient(failure)).as(failure.toString()).isFalse());
    }

    @Test
    void a_permanent_failure_parks_the_event_with_its_cause() {
        EnqueueDecision<EventMessage<?>> decision = policy.decide(fresh, new IllegalStateException("the view has no such task"));

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).hasValueSatisfying(cause ->
                assertThat(cause.getMessage()).contains("the view has no such task"));
    }

    @Test
    void a_transient_failure_of_an_event_being_handled_is_rethrown_so_the_processor_retries_it() {
        MongoTimeoutException outage = new MongoTimeoutException("Timed out while waiting for a server");

        assertThatThrownBy(() -> policy.decide(fresh, new DataAccessResourceFailureException("timed out", outage)))
                .isInstanceOf(PermanentFailurePolicy.TransientHandlingFailure.class)
                .hasMessageContaining(event.getIdentifier()).hasMessageContaining("task-7")
                .hasRootCause(outage);
    }

    @Test
    void a_transient_failure_while_a_parked_letter_is_retried_keeps_it_parked_with_its_cause() {
        DeadLetter<EventMessage<?>> parked = new GenericDeadLetter<>("task-7", event, new IllegalStateException("first"));
        org.axonframework.messaging.unitofwork.DefaultUnitOfWork<EventMessage<?>> retry =
                org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(event);
        retry.resources().put(DeadLetter.class.getName(), parked);
        try {
            EnqueueDecision<EventMessage<?>> decision = policy.decide(parked, new MongoTimeoutException("no server"));

            assertThat(decision.shouldEnqueue()).isTrue();
            assertThat(decision.enqueueCause()).isEmpty();
            assertThat(decision.withDiagnostics(parked).diagnostics())
                    .containsKey(PermanentFailurePolicy.LAST_TRANSIENT_FAILURE);
        } finally {
            retry.rollback();
        }
    }
}
