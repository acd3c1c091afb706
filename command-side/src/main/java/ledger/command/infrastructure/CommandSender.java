package ledger.command.infrastructure;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.MetadataKeys;
import ledger.security.CurrentActor;
import ledger.store.CommitReceipt;
import ledger.store.CommitReceipts;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.stereotype.Component;

/**
 * Sends a command as the authenticated actor (stamped into its metadata, and so onto every event
 * it causes) and answers with what it stored. A command of a request with an Idempotency-Key is
 * stored at most once, and answered with what it stored also when run again (see dispatch).
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final CommitReceipts receipts;

    CommandSender(CommandGateway gateway, CommitReceipts receipts) {
        this.gateway = gateway;
        this.receipts = receipts;
    }

    public CommandAccepted send(Object command, String aggregateId) {
        return send(command, aggregateId, null);
    }

    /**
     * Sends as the signed-in actor. The request's {@code If-Match}, if any, becomes the version the
     * target aggregate must be at (412 otherwise), for every command endpoint alike.
     */
    public CommandAccepted send(Object command, String aggregateId, String reason) {
        MetaData metaData = metaData(CurrentActor.get(), reason);
        // the person and the account they signed in with: one person may have several accounts
        String account = CurrentActor.account().orElse(null);
        if (account != null) {
            metaData = metaData.and(MetadataKeys.ACTOR_ACCOUNT, account);
        }
        Long expected = expectedVersion();
        if (expected != null) {
            metaData = metaData.and(ExpectedVersionTargetResolver.EXPECTED_VERSION, expected);
        }
        return dispatch(metaData, command, aggregateId).orElseThrow(() -> new IllegalStateException(
                command.getClass().getSimpleName() + " was accepted but stored no event for " + aggregateId));
    }

    private static Long expectedVersion() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            return IfMatch.version(request.getRequest().getHeader(HttpHeaders.IF_MATCH));
        }
        return null;
    }

    /**
     * Sends as the given actor (the system's own commands, such as the deadline watch, come from
     * no request). Empty when the command was accepted and nothing needed recording.
     */
    public Optional<CommandAccepted> sendAs(Actor actor, Object command, String aggregateId, String reason) {
        return dispatch(metaData(actor, reason), command, aggregateId);
    }

    /**
     * Sends as the given actor under a commit key of the caller's own: stored at most once however
     * often it is sent (a loader resumed after a crash re-sends what it is not sure of). Empty
     * when nothing needed recording; {@code replayed} tells whether an earlier run had stored it.
     */
    public Optional<CommandAccepted> sendOnceAs(Actor actor, Object command, String aggregateId, String commitKey,
                                                Runnable replayed) {
        return dispatch(metaData(actor, null), command, aggregateId, commitKey, replayed);
    }

    /** Sends as the given actor and answers with what the handler returned (a system flow's question). */
    public <R> R askAs(Actor actor, Object command) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData(actor, null)));
    }

    /**
     * With an Idempotency-Key, the command carries its commit key: when the store already holds a
     * commit under it (an earlier run stored it, and its process died before answering), that
     * commit is the answer and nothing is sent; and when this run fails (it met the earlier run's
     * commit, or what that commit changed), the commit stored meanwhile is the answer.
     */
    private Optional<CommandAccepted> dispatch(MetaData metaData, Object command, String aggregateId) {
        RequestIdempotency idempotency = RequestIdempotency.current();
        return idempotency == null ? dispatch(metaData, command, aggregateId, null, () -> { })
                : dispatch(metaData, command, aggregateId, idempotency.nextCommandKey(), idempotency::markReplayed);
    }

    private Optional<CommandAccepted> dispatch(MetaData metaData, Object command, String aggregateId, String key,
                                               Runnable replayed) {
        if (key != null) {
            Optional<CommitReceipt> stored = receipts.committedUnder(key);
            if (stored.isPresent()) {
                replayed.run();
                return accepted(stored.get(), aggregateId);
            }
            metaData = metaData.and(MetadataKeys.IDEMPOTENCY_KEY, key);
        }
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        CommitReceipt receipt;
        try {
            receipt = receipts.capture(() -> gateway.sendAndWait(message)).receipt().orElse(null);
        } catch (RuntimeException e) {
            Optional<CommitReceipt> stored = key == null ? Optional.empty() : storedMeanwhile(key, e);
            if (stored.isEmpty()) {
                throw e;
            }
            replayed.run();
            return accepted(stored.get(), aggregateId);
        }
        return receipt == null ? Optional.empty() : accepted(receipt, aggregateId);
    }

    private Optional<CommitReceipt> storedMeanwhile(String key, RuntimeException failure) {
        try {
            return receipts.committedUnder(key);
        } catch (RuntimeException lookupFailed) {
            failure.addSuppressed(lookupFailed);
            return Optional.empty();
        }
    }

    private static Optional<CommandAccepted> accepted(CommitReceipt receipt, String aggregateId) {
        Long version = receipt.aggregateVersions().get(aggregateId);
        return version == null ? Optional.empty()
                : Optional.of(new CommandAccepted(aggregateId, version, receipt.lastPosition()));
    }

    static MetaData metaData(Actor actor, String reason) {
        Map<String, String> data = new HashMap<>();
        data.put(MetadataKeys.ACTOR_ID, actor.personId());
        data.put(MetadataKeys.ACTOR_ROLE, actor.role().name());
        if (actor.unitId() != null) {
            data.put(MetadataKeys.ACTOR_UNIT, actor.unitId());
        }
        if (reason != null && !reason.isBlank()) {
            data.put(MetadataKeys.REASON, reason);
        }
        return MetaData.from(data);
    }
}
