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
import org.springframework.stereotype.Component;

/**
 * Sends a command as the authenticated actor (stamped into its metadata, and so onto every event
 * it causes) and answers with what it stored.
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

    public CommandAccepted send(Object command, String aggregateId, String reason) {
        return sendAs(CurrentActor.get(), command, aggregateId, reason).orElseThrow(() -> new IllegalStateException(
                command.getClass().getSimpleName() + " was accepted but stored no event for " + aggregateId));
    }

    /**
     * Sends as the given actor (the system's own commands, such as the deadline watch, come from
     * no request). Empty when the command was accepted and nothing needed recording.
     */
    public Optional<CommandAccepted> sendAs(Actor actor, Object command, String aggregateId, String reason) {
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData(actor, reason));
        CommitReceipt receipt = receipts.capture(() -> gateway.sendAndWait(message)).receipt().orElse(null);
        Long version = receipt == null ? null : receipt.aggregateVersions().get(aggregateId);
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
