package ledger.command.infrastructure;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import ledger.kernel.shared.ErrorCode;
import ledger.web.Problems;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Axon's and the store's failures as problems; ahead of the shared advice, whose catch-all would
 * take them. Every failure of the store (a refused commit, a failed position reservation, a
 * timeout or lost connection anywhere, also wrapped in another exception) answers 503
 * {@code STORE_UNAVAILABLE} with {@code Retry-After}, never 500, and never with the driver's message.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AxonProblemsAdvice {

    private static final Logger log = LoggerFactory.getLogger(AxonProblemsAdvice.class);
    static final String STORE_FAILED = "The event store failed while this request was handled. Retry it; "
            + "with the same Idempotency-Key a retry answers what was stored and never stores twice";

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return answer(ErrorCode.UNKNOWN_RESOURCE, "Nothing is recorded under id " + e.getAggregateIdentifier());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> stale(ConflictingAggregateVersionException e) {
        return answer(ErrorCode.STALE_VERSION, "Version " + e.getExpectedVersion() + " of " + e.getAggregateIdentifier()
                + " is no longer current (now " + e.getActualVersion() + "); reload and try again");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> exists(AggregateStreamCreationException e) {
        return answer(ErrorCode.ALREADY_REGISTERED, ErrorCode.ALREADY_REGISTERED.title());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return answer(ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.CONCURRENT_MODIFICATION.title());
    }

    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(EventStoreException e) {
        log.warn("Event store refused a commit", e);
        return answer(ErrorCode.STORE_UNAVAILABLE, STORE_FAILED);
    }

    /** Also when wrapped: Spring matches an exception's causes against the handlers too. */
    @ExceptionHandler(MongoException.class)
    ResponseEntity<ProblemDetail> storeFailed(MongoException e) {
        if (e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
            log.warn("A write met one made at the same moment", e);
            return answer(ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.CONCURRENT_MODIFICATION.title());
        }
        log.warn("The store failed", e);
        return answer(ErrorCode.STORE_UNAVAILABLE, STORE_FAILED);
    }

    private static ResponseEntity<ProblemDetail> answer(ErrorCode code, String detail) {
        return Problems.response(code, detail);
    }
}
