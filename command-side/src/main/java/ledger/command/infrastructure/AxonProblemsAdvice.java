package ledger.command.infrastructure;

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

/** Axon's failures as problems; ahead of the shared advice, whose catch-all would take them. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AxonProblemsAdvice {

    private static final Logger log = LoggerFactory.getLogger(AxonProblemsAdvice.class);

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
        return answer(ErrorCode.STORE_UNAVAILABLE, ErrorCode.STORE_UNAVAILABLE.title());
    }

    private static ResponseEntity<ProblemDetail> answer(ErrorCode code, String detail) {
        return Problems.response(code, detail);
    }
}
