package ledger.store.deadletter;

import java.io.InterruptedIOException;
import java.net.SocketException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoCursorNotFoundException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.axonframework.common.AxonTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Which failures pass by themselves: the store unreachable or slow, a primary stepping down, the
 * instance shutting down. Such a failure says nothing about the event, so it must not park the
 * event; handling it again later succeeds. Everything else (a handler's bug, an event it cannot
 * read, a rule a view enforces) fails again on every try and is permanent.
 * <p>
 * The whole cause chain counts: Spring Data translates the driver's exceptions, Axon wraps them.
 */
public final class TransientFailures {

    /** Server error codes of failures that pass: network, timeouts, elections, shutdown. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(
            6,      // HostUnreachable
            7,      // HostNotFound
            50,     // MaxTimeMSExpired
            64,     // WriteConcernFailed (a write concern timeout)
            89,     // NetworkTimeout
            91,     // ShutdownInProgress
            112,    // WriteConflict
            134,    // ReadConcernMajorityNotAvailableYet
            189,    // PrimarySteppedDown
            262,    // ExceededTimeLimit
            9001,   // SocketException
            10107,  // NotWritablePrimary
            11600,  // InterruptedAtShutdown
            11602,  // InterruptedDueToReplStateChange
            13435,  // NotPrimaryNoSecondaryOk
            13436); // NotPrimaryOrSecondary

    private static final Set<String> TRANSIENT_LABELS = Set.of(
            MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL, "RetryableWriteError");

    private static final int MAX_DEPTH = 32;

    private TransientFailures() {
    }

    /** True when the failure, or anything in its cause chain, is one that passes by itself. */
    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t) && seen.size() <= MAX_DEPTH; t = t.getCause()) {
            if (isTransientItself(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable t) {
        if (t instanceof MongoSocketException              // unreachable, reset, read/write timeouts
                || t instanceof MongoTimeoutException       // no server selected in time
                || t instanceof MongoOperationTimeoutException
                || t instanceof MongoExecutionTimeoutException
                || t instanceof MongoServerUnavailableException
                || t instanceof MongoConnectionPoolClearedException
                || t instanceof MongoNotPrimaryException
                || t instanceof MongoNodeIsRecoveringException
                || t instanceof MongoCursorNotFoundException
                || t instanceof MongoInterruptedException   // the instance is stopping
                || t instanceof AxonTransientException
                || t instanceof TransientDataAccessException
                || t instanceof RecoverableDataAccessException
                || t instanceof DataAccessResourceFailureException
                || t instanceof SocketException
                || t instanceof InterruptedIOException      // also SocketTimeoutException
                || t instanceof TimeoutException
                || t instanceof InterruptedException) {
            return true;
        }
        if (t instanceof MongoException mongo) {
            return TRANSIENT_CODES.contains(mongo.getCode())
                    || TRANSIENT_LABELS.stream().anyMatch(mongo::hasErrorLabel);
        }
        return false;
    }
}
